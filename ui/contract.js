// Generated from src-tauri/src/contract.rs by `cargo test -p kongthun-app contract`.
// Do not edit: change the list in Rust and run the test, which rewrites this file.
// Every command takes one input object and resolves to its result, or rejects with
// {code, params, th, en, rows}. The typedefs are read from the shell's Rust input
// types; a test checks that every screen sends only (and at least) their fields.
import { invoke } from "./ipc.js";

/**
 * @typedef {Object} AgendaInput
 * @property {number} meeting_id
 * @property {string} title
 * @property {string} [body]
 */
/**
 * @typedef {Object} AllocationInput
 * @property {string} year
 * @property {string} date
 */
/**
 * @typedef {Object} ApproveInput
 * @property {number} meeting_id
 * @property {number} at_meeting
 */
/**
 * @typedef {Object} AsOf
 * @property {string} as_of
 */
/**
 * @typedef {Object} AttendInput
 * @property {number} meeting_id
 * @property {Array<string>} member_nos
 */
/**
 * @typedef {Object} AuditSignInput
 * @property {string} month
 * @property {string} auditor
 * @property {string} [remarks]
 */
/**
 * @typedef {Object} BackupInput
 * @property {string} [dir]
 */
/**
 * @typedef {Object} CashDifferenceInput
 * @property {string} date
 * @property {string} difference
 * @property {string} reason
 */
/**
 * @typedef {Object} CashInput
 * @property {string} direction
 * @property {string} account
 * @property {string} amount
 * @property {string} date
 * @property {string} till
 * @property {string} description
 * @property {string} [member_no]
 * @property {number} [resolution_id]
 */
/**
 * @typedef {Object} ChooseInput
 * @property {string} mode
 * @property {string} [name]
 * @property {Array<string>} [extensions]
 */
/**
 * @typedef {Object} ClaimId
 * @property {number} claim_id
 */
/**
 * @typedef {Object} ClaimsInput
 * @property {string} [status]
 */
/**
 * @typedef {Object} CollectInput
 * @property {string} date
 * @property {string} till
 * @property {Array<Object>} lines
 */
/**
 * @typedef {Object} CommitteeInput
 * @property {string} member_no
 * @property {string} role
 * @property {string} from
 * @property {string} to
 */
/**
 * @typedef {Object} CreateFund
 * @property {Object} profile
 * @property {string} recorder
 * @property {Array<Object>} [committee]
 */
/**
 * @typedef {Object} DateInput
 * @property {string} date
 */
/**
 * @typedef {Object} DecideInput
 * @property {number} claim_id
 * @property {boolean} approve
 * @property {number} resolution_id
 * @property {string} [amount]
 */
/**
 * @typedef {Object} EditInput
 * @property {string} member_no
 * @property {Object} fields
 */
/**
 * @typedef {Object} EnrolInput
 * @property {string} path
 * @property {string} [fingerprint]
 * @property {boolean} [replace]
 */
/**
 * @typedef {Object} ExportInput
 * @property {string} period
 * @property {string} dir
 * @property {boolean} [clear_ids]
 */
/**
 * @typedef {Object} FundRecordsInput
 * @property {string} [certified_by]
 * @property {string} [certified_on]
 * @property {string} [certified_document]
 * @property {string} [area_moos]
 * @property {string} [local_government]
 */
/**
 * @typedef {Object} FundRuleInput
 * @property {string} fund_rule
 * @property {string} value
 * @property {string} from
 * @property {string} [decision]
 * @property {number} [resolution_id]
 */
/**
 * @typedef {Object} JournalInput
 * @property {string} from
 * @property {string} to
 */
/**
 * @typedef {Object} ListInput
 * @property {string} [search]
 * @property {string} [status]
 * @property {number} [limit]
 */
/**
 * @typedef {Object} LoanInput
 * @property {string} member_no
 * @property {string} principal
 * @property {string} rate
 * @property {string} method
 * @property {number} term_months
 * @property {string} date
 * @property {Array<string>} [guarantors]
 * @property {string} till
 * @property {number} [resolution_id]
 */
/**
 * @typedef {Object} MatchingInput
 * @property {string} source
 * @property {string} round
 * @property {string} amount
 * @property {string} date
 * @property {string} till
 */
/**
 * @typedef {Object} MeetingId
 * @property {number} meeting_id
 */
/**
 * @typedef {Object} MemberFields
 * @property {string} member_no
 * @property {string} title
 * @property {string} first_name
 * @property {string} last_name
 * @property {string} national_id
 * @property {string} birth_date
 * @property {string} sex
 * @property {string} moo
 * @property {string} address
 * @property {string} phone
 * @property {string} joined_on
 * @property {string} groups
 * @property {string} beneficiary_name
 * @property {string} beneficiary_relation
 * @property {string} beneficiary_national_id
 */
/**
 * @typedef {Object} MemberNo
 * @property {string} member_no
 */
/**
 * @typedef {Object} MembersImportInput
 * @property {string} path
 * @property {boolean} [good_rows_only]
 */
/**
 * @typedef {Object} MigrateInput
 * @property {string} path
 * @property {boolean} dry_run
 */
/**
 * @typedef {Object} MinutesInput
 * @property {number} meeting_id
 * @property {string} text
 */
/**
 * @typedef {Object} NewMeeting
 * @property {string} kind
 * @property {string} date
 * @property {string} place
 */
/**
 * @typedef {Object} Nothing
 */
/**
 * @typedef {Object} OnDate
 * @property {string} date
 */
/**
 * @typedef {Object} OpenInput
 * @property {string} member_no
 * @property {string} category
 * @property {string} event_date
 * @property {string} [days]
 * @property {Array<string>} [documents]
 * @property {string} [note]
 * @property {Object} [person]
 */
/**
 * @typedef {Object} PathInput
 * @property {string} path
 */
/**
 * @typedef {Object} PayInput
 * @property {number} claim_id
 * @property {string} date
 * @property {string} till
 */
/**
 * @typedef {Object} PayoutInput
 * @property {string} year
 * @property {string} into
 * @property {string} date
 */
/**
 * @typedef {Object} PlanInput
 * @property {Array<string>} parts
 * @property {string} from
 * @property {number} resolution_id
 */
/**
 * @typedef {Object} PreviewInput
 * @property {string} kind
 * @property {string} [month]
 * @property {string} [as_of]
 */
/**
 * @typedef {Object} ProfileInput
 * @property {Object} fields
 * @property {string} reason
 */
/**
 * @typedef {Object} ProvinceImportInput
 * @property {Array<string>} paths
 * @property {boolean} dry_run
 */
/**
 * @typedef {Object} ProvinceMonthInput
 * @property {string} month
 */
/**
 * @typedef {Object} RecorderInput
 * @property {string} recorder
 */
/**
 * @typedef {Object} RepayInput
 * @property {number} loan_id
 * @property {string} amount
 * @property {string} date
 * @property {string} till
 */
/**
 * @typedef {Object} ReportInput
 * @property {number} year
 * @property {Object} format
 * @property {string} path
 */
/**
 * @typedef {Object} ReportsMonthInput
 * @property {string} month
 * @property {string} [cash_counted]
 * @property {string} [bank_statement]
 * @property {string} [in_transit]
 * @property {string} [uncleared]
 * @property {string} [notes_and_coins]
 */
/**
 * @typedef {Object} ResolutionsInput
 * @property {string} [kind]
 */
/**
 * @typedef {Object} ResolveInput
 * @property {number} meeting_id
 * @property {string} subject
 * @property {string} kind
 * @property {number} [agenda_no]
 * @property {number} votes_for
 * @property {number} votes_against
 * @property {number} abstain
 */
/**
 * @typedef {Object} ReverseInput
 * @property {string} entry
 * @property {string} reason
 * @property {string} [date]
 */
/**
 * @typedef {Object} RuleInput
 * @property {Object} rule
 * @property {number} [resolution_id]
 */
/**
 * @typedef {Object} SaveInput
 * @property {Object} document
 * @property {Object} format
 * @property {string} path
 */
/**
 * @typedef {Object} SavingsInput
 * @property {string} member_no
 * @property {string} amount
 * @property {string} date
 * @property {string} till
 * @property {string} direction
 */
/**
 * @typedef {Object} StartInput
 * @property {string} founded_on
 * @property {string} books_start
 * @property {string} [founding_note]
 */
/**
 * @typedef {Object} StatusInput
 * @property {string} member_no
 * @property {string} status
 * @property {string} effective_on
 * @property {string} reason
 */
/**
 * @typedef {Object} TemplateInput
 * @property {string} path
 */
/**
 * @typedef {Object} TransferInput
 * @property {string} from
 * @property {string} to
 * @property {string} amount
 * @property {string} date
 * @property {string} description
 */
/**
 * @typedef {Object} YearExportInput
 * @property {string} year
 * @property {string} dir
 */
/**
 * @typedef {Object} YearInput
 * @property {number} year
 */
/**
 * @typedef {Object} ZoomInput
 * @property {number} percent
 */

export const api = Object.freeze({
  /** @param {Nothing} [input] @returns {Promise<Object>} AppStatus */
  app_status: (input = {}) => invoke("app_status", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} kongthun::demo::DemoSummary */
  open_demo: (input = {}) => invoke("open_demo", { input }),
  /** @param {CreateFund} [input] @returns {Promise<Object>} () */
  create_fund: (input = {}) => invoke("create_fund", { input }),
  /** @param {PathInput} [input] @returns {Promise<Object>} ops::backup::RestoreOutcome */
  restore_backup: (input = {}) => invoke("restore_backup", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} PathBuf */
  open_province: (input = {}) => invoke("open_province", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} () */
  open_fund: (input = {}) => invoke("open_fund", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} Settings */
  settings_get: (input = {}) => invoke("settings_get", { input }),
  /** @param {RecorderInput} [input] @returns {Promise<Object>} String */
  settings_save: (input = {}) => invoke("settings_save", { input }),
  /** @param {BackupInput} [input] @returns {Promise<Object>} ops::backup::BackupOutcome */
  backup_now: (input = {}) => invoke("backup_now", { input }),
  /** @param {ChooseInput} [input] @returns {Promise<Object>} Option<PathBuf> */
  choose_path: (input = {}) => invoke("choose_path", { input }),
  /** @param {PathInput} [input] @returns {Promise<Object>} () */
  open_path: (input = {}) => invoke("open_path", { input }),
  /** @param {PathInput} [input] @returns {Promise<Object>} String */
  print_path: (input = {}) => invoke("print_path", { input }),
  /** @param {FundRecordsInput} [input] @returns {Promise<Object>} () */
  fund_records_save: (input = {}) => invoke("fund_records_save", { input }),
  /** @param {ProfileInput} [input] @returns {Promise<Object>} kongthun::domain::FundProfile */
  fund_profile_save: (input = {}) => invoke("fund_profile_save", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} ops::fund::FundRulesNow */
  fund_rules_get: (input = {}) => invoke("fund_rules_get", { input }),
  /** @param {FundRuleInput} [input] @returns {Promise<Object>} kongthun::domain::fund_rules::FundRule */
  fund_rule_save: (input = {}) => invoke("fund_rule_save", { input }),
  /** @param {ZoomInput} [input] @returns {Promise<Object>} u32 */
  screen_zoom: (input = {}) => invoke("screen_zoom", { input }),
  /** @param {StartInput} [input] @returns {Promise<Object>} () */
  fund_set_start: (input = {}) => invoke("fund_set_start", { input }),
  /** @param {TemplateInput} [input] @returns {Promise<Object>} PathBuf */
  migrate_template: (input = {}) => invoke("migrate_template", { input }),
  /** @param {MigrateInput} [input] @returns {Promise<Object>} ops::migrate::MigrationOutcome */
  migrate_import: (input = {}) => invoke("migrate_import", { input }),
  /** @param {ListInput} [input] @returns {Promise<Object>} Vec<MemberRow> */
  members_list: (input = {}) => invoke("members_list", { input }),
  /** @param {MemberNo} [input] @returns {Promise<Object>} MemberDetail */
  member_get: (input = {}) => invoke("member_get", { input }),
  /** @param {MemberFields} [input] @returns {Promise<Object>} MemberRow */
  member_add: (input = {}) => invoke("member_add", { input }),
  /** @param {EditInput} [input] @returns {Promise<Object>} MemberRow */
  member_edit: (input = {}) => invoke("member_edit", { input }),
  /** @param {StatusInput} [input] @returns {Promise<Object>} MemberRow */
  member_status: (input = {}) => invoke("member_status", { input }),
  /** @param {MembersImportInput} [input] @returns {Promise<Object>} ops::import::ImportReport */
  members_import: (input = {}) => invoke("members_import", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} String */
  member_next_no: (input = {}) => invoke("member_next_no", { input }),
  /** @param {MemberNo} [input] @returns {Promise<Object>} kongthun::report::members::MemberBrief */
  member_brief: (input = {}) => invoke("member_brief", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} kongthun::report::Dashboard */
  dashboard: (input = {}) => invoke("dashboard", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} i64 */
  dashboard_arrears: (input = {}) => invoke("dashboard_arrears", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} Vec<AccountRow> */
  accounts_list: (input = {}) => invoke("accounts_list", { input }),
  /** @param {DateInput} [input] @returns {Promise<Object>} Vec<ops::contributions::SheetRow> */
  collection_sheet: (input = {}) => invoke("collection_sheet", { input }),
  /** @param {CollectInput} [input] @returns {Promise<Object>} ops::contributions::CollectOutcome */
  collection_save: (input = {}) => invoke("collection_save", { input }),
  /** @param {SavingsInput} [input] @returns {Promise<Object>} PostedRef */
  savings_move: (input = {}) => invoke("savings_move", { input }),
  /** @param {CashInput} [input] @returns {Promise<Object>} PostedRef */
  cash_move: (input = {}) => invoke("cash_move", { input }),
  /** @param {TransferInput} [input] @returns {Promise<Object>} PostedRef */
  transfer: (input = {}) => invoke("transfer", { input }),
  /** @param {MatchingInput} [input] @returns {Promise<Object>} PostedRef */
  matching_receive: (input = {}) => invoke("matching_receive", { input }),
  /** @param {ReverseInput} [input] @returns {Promise<Object>} PostedRef */
  reverse_entry: (input = {}) => invoke("reverse_entry", { input }),
  /** @param {JournalInput} [input] @returns {Promise<Object>} Vec<EntryRow> */
  journal_list: (input = {}) => invoke("journal_list", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} Vec<RuleView> */
  welfare_rules: (input = {}) => invoke("welfare_rules", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} Vec<DefaultRuleView> */
  welfare_default_rules: (input = {}) => invoke("welfare_default_rules", { input }),
  /** @param {RuleInput} [input] @returns {Promise<Object>} i64 */
  welfare_rule_add: (input = {}) => invoke("welfare_rule_add", { input }),
  /** @param {ClaimsInput} [input] @returns {Promise<Object>} Vec<ops::welfare::ClaimListing> */
  claims_list: (input = {}) => invoke("claims_list", { input }),
  /** @param {ClaimId} [input] @returns {Promise<Object>} ops::welfare::ClaimListing */
  claim_get: (input = {}) => invoke("claim_get", { input }),
  /** @param {OpenInput} [input] @returns {Promise<Object>} Opened */
  claim_open: (input = {}) => invoke("claim_open", { input }),
  /** @param {ClaimId} [input] @returns {Promise<Object>} kongthun::domain::welfare::Evaluation */
  claim_evaluate: (input = {}) => invoke("claim_evaluate", { input }),
  /** @param {DecideInput} [input] @returns {Promise<Object>} ClaimRow */
  claim_decide: (input = {}) => invoke("claim_decide", { input }),
  /** @param {PayInput} [input] @returns {Promise<Object>} PostedRef */
  claim_pay: (input = {}) => invoke("claim_pay", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} Vec<MeetingView> */
  meetings_list: (input = {}) => invoke("meetings_list", { input }),
  /** @param {MeetingId} [input] @returns {Promise<Object>} MeetingDetail */
  meeting_get: (input = {}) => invoke("meeting_get", { input }),
  /** @param {NewMeeting} [input] @returns {Promise<Object>} MeetingRow */
  meeting_new: (input = {}) => invoke("meeting_new", { input }),
  /** @param {AttendInput} [input] @returns {Promise<Object>} MeetingRow */
  meeting_attend: (input = {}) => invoke("meeting_attend", { input }),
  /** @param {AgendaInput} [input] @returns {Promise<Object>} i64 */
  agenda_add: (input = {}) => invoke("agenda_add", { input }),
  /** @param {ResolveInput} [input] @returns {Promise<Object>} ResolutionRow */
  resolution_add: (input = {}) => invoke("resolution_add", { input }),
  /** @param {MinutesInput} [input] @returns {Promise<Object>} MeetingRow */
  minutes_write: (input = {}) => invoke("minutes_write", { input }),
  /** @param {ApproveInput} [input] @returns {Promise<Object>} MeetingRow */
  minutes_approve: (input = {}) => invoke("minutes_approve", { input }),
  /** @param {CommitteeInput} [input] @returns {Promise<Object>} i64 */
  committee_set: (input = {}) => invoke("committee_set", { input }),
  /** @param {OnDate} [input] @returns {Promise<Object>} Vec<CommitteeSeat> */
  committee_list: (input = {}) => invoke("committee_list", { input }),
  /** @param {ResolutionsInput} [input] @returns {Promise<Object>} Vec<ResolutionRow> */
  resolutions_passed: (input = {}) => invoke("resolutions_passed", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} Vec<ops::loans::LoanListing> */
  loans_list: (input = {}) => invoke("loans_list", { input }),
  /** @param {LoanInput} [input] @returns {Promise<Object>} (i64, PostedRef) */
  loan_new: (input = {}) => invoke("loan_new", { input }),
  /** @param {RepayInput} [input] @returns {Promise<Object>} PostedRef */
  loan_repay: (input = {}) => invoke("loan_repay", { input }),
  /** @param {AsOf} [input] @returns {Promise<Object>} Vec<ops::loans::OverdueRow> */
  loans_overdue: (input = {}) => invoke("loans_overdue", { input }),
  /** @param {AllocationInput} [input] @returns {Promise<Object>} ops::allocation::AllocationOutcome */
  allocation_run: (input = {}) => invoke("allocation_run", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} kongthun::report::allocation::AllocationPlans */
  allocation_plans: (input = {}) => invoke("allocation_plans", { input }),
  /** @param {PlanInput} [input] @returns {Promise<Object>} i64 */
  allocation_adopt: (input = {}) => invoke("allocation_adopt", { input }),
  /** @param {PayoutInput} [input] @returns {Promise<Object>} ops::allocation::PayoutOutcome */
  dividends_pay: (input = {}) => invoke("dividends_pay", { input }),
  /** @param {PreviewInput} [input] @returns {Promise<Object>} Preview */
  report_preview: (input = {}) => invoke("report_preview", { input }),
  /** @param {SaveInput} [input] @returns {Promise<Object>} ops::documents::SavedDocument */
  report_save: (input = {}) => invoke("report_save", { input }),
  /** @param {ReportsMonthInput} [input] @returns {Promise<Object>} ops::close::ClosePreview */
  month_close_preview: (input = {}) => invoke("month_close_preview", { input }),
  /** @param {ReportsMonthInput} [input] @returns {Promise<Object>} ops::close::CloseOutcome */
  month_close: (input = {}) => invoke("month_close", { input }),
  /** @param {AuditSignInput} [input] @returns {Promise<Object>} kongthun::store::AuditRow */
  audit_sign: (input = {}) => invoke("audit_sign", { input }),
  /** @param {CashDifferenceInput} [input] @returns {Promise<Object>} kongthun::store::PostedRef */
  cash_difference: (input = {}) => invoke("cash_difference", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} kongthun::store::ChainReport */
  chain_verify: (input = {}) => invoke("chain_verify", { input }),
  /** @param {YearExportInput} [input] @returns {Promise<Object>} ops::export::YearExport */
  year_export: (input = {}) => invoke("year_export", { input }),
  /** @param {Nothing} [input] @returns {Promise<Object>} String */
  bundle_key: (input = {}) => invoke("bundle_key", { input }),
  /** @param {ExportInput} [input] @returns {Promise<Object>} kongthun::ops::bundles::BundleOutcome */
  bundle_export: (input = {}) => invoke("bundle_export", { input }),
  /** @param {EnrolInput} [input] @returns {Promise<Object>} ops::province::EnrolPreview */
  province_enrol: (input = {}) => invoke("province_enrol", { input }),
  /** @param {ProvinceImportInput} [input] @returns {Promise<Object>} Vec<ops::province::ImportOutcome> */
  province_import: (input = {}) => invoke("province_import", { input }),
  /** @param {ProvinceMonthInput} [input] @returns {Promise<Object>} Vec<ops::province::FundCoverage> */
  province_funds: (input = {}) => invoke("province_funds", { input }),
  /** @param {YearInput} [input] @returns {Promise<Object>} Vec<ops::province::FundCriteria> */
  province_criteria: (input = {}) => invoke("province_criteria", { input }),
  /** @param {ReportInput} [input] @returns {Promise<Object>} PathBuf */
  province_report_save: (input = {}) => invoke("province_report_save", { input }),
});
