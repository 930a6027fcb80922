//! CLI for welfare rules and claims, the committee and meetings, matching money, loans and
//! the year-end allocation. Thin: parse, call `ops`, print.

use super::print;
use crate::error::{Error, Result};
use crate::ops::{self, Ctx};
use crate::store::Store;
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum RuleCommand {
    /// The rules, every version.
    List,
    /// Add a rule version (from --from on; the older version stays for older events).
    Add(RuleAddArgs),
    /// Add the default rule set from a date (for a fund made before rules existed).
    Defaults {
        #[arg(long)]
        from: String,
    },
}

#[derive(Args, Debug)]
pub struct RuleAddArgs {
    #[arg(long)]
    pub category: String,
    /// Effective from (date).
    #[arg(long)]
    pub from: String,
    #[arg(long, default_value_t = 0)]
    pub waiting_days: u32,
    /// Fixed amount in baht.
    #[arg(long, conflicts_with_all = ["per_day", "tiers"])]
    pub fixed: Option<String>,
    /// Amount per night or day.
    #[arg(long)]
    pub per_day: Option<String>,
    #[arg(long)]
    pub cap_per_event: Option<String>,
    /// Tiers by whole years of membership: `1:3000,5:10000,10:30000`.
    #[arg(long)]
    pub tiers: Option<String>,
    #[arg(long)]
    pub cap_per_year: Option<String>,
    #[arg(long)]
    pub max_per_year: Option<u32>,
    /// Contributions need not be up to date.
    #[arg(long)]
    pub arrears_ok: bool,
    /// Needed documents (repeat the flag).
    #[arg(long = "document")]
    pub documents: Vec<String>,
    /// The fund stops offering this category from --from.
    #[arg(long)]
    pub withdraw: bool,
    #[arg(long)]
    pub resolution: Option<i64>,
}

#[derive(Subcommand, Debug)]
pub enum ClaimCommand {
    Open(ClaimOpenArgs),
    Evaluate {
        claim: i64,
    },
    Approve(ClaimDecideArgs),
    Reject(ClaimDecideArgs),
    Pay(ClaimPayArgs),
    List {
        #[arg(long)]
        status: Option<String>,
    },
}

#[derive(Args, Debug)]
pub struct ClaimOpenArgs {
    pub member: String,
    pub category: String,
    #[arg(long)]
    pub event_date: String,
    /// Nights in hospital or days.
    #[arg(long)]
    pub days: Option<String>,
    /// Documents seen (repeat the flag).
    #[arg(long = "document")]
    pub documents: Vec<String>,
    #[arg(long, default_value = "")]
    pub note: String,
}

#[derive(Args, Debug)]
pub struct ClaimDecideArgs {
    pub claim: i64,
    #[arg(long)]
    pub resolution: i64,
    /// Approved amount (default: what the rule gives).
    #[arg(long)]
    pub amount: Option<String>,
}

#[derive(Args, Debug)]
pub struct ClaimPayArgs {
    pub claim: i64,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long = "till", alias = "from", default_value = "cash")]
    pub till: String,
}

#[derive(Subcommand, Debug)]
pub enum MeetingCommand {
    /// committee or general (assembly).
    New {
        kind: String,
        #[arg(long)]
        date: String,
        #[arg(long, default_value = "")]
        place: String,
    },
    Attend {
        meeting: i64,
        members: Vec<String>,
    },
    Agenda {
        meeting: i64,
        #[arg(long)]
        title: String,
        #[arg(long, default_value = "")]
        body: String,
    },
    Minutes {
        meeting: i64,
        #[arg(long)]
        text: String,
    },
    ApproveMinutes {
        meeting: i64,
        #[arg(long)]
        at: i64,
    },
    List,
    Show {
        meeting: i64,
    },
    /// The minutes as PDF.
    Print {
        meeting: i64,
        #[arg(long)]
        pdf: std::path::PathBuf,
    },
}

#[derive(Args, Debug)]
pub struct ResolutionArgs {
    pub meeting: i64,
    #[arg(long)]
    pub subject: String,
    /// claim, expense, rule, admission, other.
    #[arg(long, default_value = "other")]
    pub kind: String,
    #[arg(long)]
    pub agenda: Option<i64>,
    #[arg(long = "for")]
    pub votes_for: i64,
    #[arg(long, default_value_t = 0)]
    pub against: i64,
    #[arg(long, default_value_t = 0)]
    pub abstain: i64,
}

#[derive(Args, Debug)]
pub struct CommitteeArgs {
    pub member: String,
    /// chair, vice_chair, treasurer, secretary, member, auditor (or the Thai title).
    pub role: String,
    #[arg(long)]
    pub from: String,
    #[arg(long)]
    pub to: String,
}

#[derive(Subcommand, Debug)]
pub enum MatchingCommand {
    /// Receive a round: source government, local, codi or other.
    Receive {
        source: String,
        amount: String,
        #[arg(long)]
        round: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long = "till", alias = "to", default_value = "bank")]
        till: String,
    },
    /// The CODI matching-request figures and criteria for 30 September of YEAR.
    Report {
        year: i32,
        #[arg(long)]
        pdf: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum LoanCommand {
    New {
        member: String,
        amount: String,
        /// Percent per month.
        #[arg(long)]
        rate: String,
        #[arg(long, default_value = "declining")]
        method: String,
        #[arg(long)]
        months: u32,
        #[arg(long)]
        date: Option<String>,
        #[arg(long = "guarantor")]
        guarantors: Vec<String>,
        #[arg(long = "till", alias = "from", default_value = "cash")]
        till: String,
        #[arg(long)]
        resolution: Option<i64>,
    },
    Repay {
        loan: i64,
        amount: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long = "till", alias = "to", default_value = "cash")]
        till: String,
    },
    List,
    Overdue {
        #[arg(long)]
        as_of: Option<String>,
    },
}

#[derive(Args, Debug)]
pub struct AllocateArgs {
    pub year: i32,
    /// Six percentages: reserve,dividend,refund,welfare,committee,public (sum 100).
    #[arg(long, value_delimiter = ',')]
    pub parts: Vec<String>,
    #[arg(long)]
    pub date: Option<String>,
}

fn today_or(ctx: &Ctx, d: &Option<String>) -> String {
    d.clone().unwrap_or_else(|| ctx.today().to_string())
}

pub fn rule(store: &mut Store, ctx: &Ctx, json: bool, c: RuleCommand) -> Result<()> {
    match c {
        RuleCommand::List => {
            let rules = store.read().rules()?;
            print::output(json, &rules, || {
                for (id, r) in &rules {
                    println!(
                        "{id:>4} {} ตั้งแต่ {} รอ {} วัน {}",
                        r.category.name_th(),
                        crate::thai::date_short(r.effective_from, crate::thai::Digits::Arabic),
                        r.waiting_days,
                        if r.offered {
                            crate::render::registers::rule_amount_th(&r.amount)
                        } else {
                            "ไม่จัด".into()
                        },
                    );
                }
            });
        }
        RuleCommand::Defaults { from } => {
            let from = crate::domain::date::parse_field("effective_on", &from)?;
            let ids = ops::welfare::add_default_rules(store, ctx, from)?;
            print::output(json, &ids, || {
                println!("เพิ่มระเบียบมาตรฐาน {} ประเภท / default rules added", ids.len())
            });
        }
        RuleCommand::Add(a) => {
            let text = |v: &Option<String>| v.clone().unwrap_or_default();
            let rule = ops::welfare::RuleForm {
                category: a.category,
                from: a.from,
                waiting_days: a.waiting_days.to_string(),
                fixed: text(&a.fixed),
                per_day: text(&a.per_day),
                cap_per_event: text(&a.cap_per_event),
                tiers: text(&a.tiers),
                cap_per_year: text(&a.cap_per_year),
                max_per_year: a.max_per_year.map(|n| n.to_string()).unwrap_or_default(),
                arrears_ok: a.arrears_ok,
                documents: a.documents,
                withdraw: a.withdraw,
            }
            .rule()?;
            let id = ops::welfare::add_rule(store, ctx, &rule, a.resolution)?;
            print::output(json, &id, || println!("เพิ่มระเบียบแล้ว / rule added: {id}"));
        }
    }
    Ok(())
}

fn show_evaluation(e: &crate::domain::welfare::Evaluation) {
    println!(
        "{} {} บาท",
        if e.eligible {
            "มีสิทธิ์ / eligible:"
        } else {
            "ไม่มีสิทธิ์ / not eligible:"
        },
        e.amount
    );
    for r in &e.reasons {
        println!("  {} {} / {}", if r.ok { "✓" } else { "✗" }, r.th, r.en);
    }
}

pub fn claim(store: &mut Store, ctx: &Ctx, json: bool, c: ClaimCommand) -> Result<()> {
    match c {
        ClaimCommand::Open(a) => {
            let (claim, e) = ops::welfare::open_claim(
                store,
                ctx,
                &ops::welfare::ClaimInput {
                    member_no: a.member,
                    category: a.category,
                    event_date: a.event_date,
                    days: a.days,
                    documents: a.documents,
                    note: a.note,
                },
            )?;
            print::output(json, &claim, || {
                println!("เปิดคำขอที่ {} / claim {} opened", claim.id, claim.id);
                show_evaluation(&e);
            });
        }
        ClaimCommand::Evaluate { claim } => {
            let e = ops::welfare::evaluate_claim(store, claim)?;
            print::output(json, &e, || show_evaluation(&e));
        }
        ClaimCommand::Approve(a) => {
            let c = ops::welfare::decide_claim(
                store,
                a.claim,
                true,
                a.resolution,
                a.amount.as_deref(),
            )?;
            print::output(json, &c, || {
                println!(
                    "อนุมัติคำขอที่ {} / approved: {} บาท",
                    c.id,
                    c.approved_amount.unwrap_or_default()
                )
            });
        }
        ClaimCommand::Reject(a) => {
            let c = ops::welfare::decide_claim(store, a.claim, false, a.resolution, None)?;
            print::output(json, &c, || println!("ไม่อนุมัติคำขอที่ {} / rejected", c.id));
        }
        ClaimCommand::Pay(a) => {
            let r = ops::welfare::pay_claim(store, ctx, a.claim, &today_or(ctx, &a.date), &a.till)?;
            print::output(json, &r, || print::posted(&r));
        }
        ClaimCommand::List { status } => {
            let claims = store.read().claims(status.as_deref())?;
            print::output(json, &claims, || {
                for c in &claims {
                    println!(
                        "{:>5} สมาชิก {} {} {} {} {} บาท",
                        c.id,
                        c.member_id,
                        c.category,
                        c.event_date,
                        c.status,
                        c.approved_amount.unwrap_or(c.evaluated)
                    );
                }
            });
        }
    }
    Ok(())
}

pub fn committee(store: &mut Store, json: bool, a: CommitteeArgs) -> Result<()> {
    let id = ops::meetings::set_committee(store, &a.member, &a.role, &a.from, &a.to)?;
    print::output(json, &id, || println!("บันทึกวาระกรรมการแล้ว / term recorded: {id}"));
    Ok(())
}

pub fn meeting(store: &mut Store, ctx: &Ctx, json: bool, c: MeetingCommand) -> Result<()> {
    match c {
        MeetingCommand::New { kind, date, place } => {
            let m = ops::meetings::new_meeting(store, ctx, &kind, &date, &place)?;
            print::output(json, &m, || {
                println!("การประชุม {} (รหัส {}) ผู้มีสิทธิ์ {} คน", m.label(), m.id, m.eligible)
            });
        }
        MeetingCommand::Attend { meeting, members } => {
            let m = ops::meetings::attend(store, meeting, &members)?;
            print::output(json, &m, || {
                println!(
                    "มาประชุม {} จาก {} คน{}",
                    m.present,
                    m.eligible,
                    if ops::meetings::has_quorum(&m) {
                        " ครบองค์ประชุม"
                    } else {
                        " ยังไม่ครบองค์ประชุม"
                    }
                )
            });
        }
        MeetingCommand::Agenda { meeting, title, body } => {
            let n = ops::meetings::add_agenda(store, meeting, &title, &body)?;
            print::output(json, &n, || println!("วาระที่ {n}"));
        }
        MeetingCommand::Minutes { meeting, text } => {
            let m = ops::meetings::write_minutes(store, meeting, &text)?;
            print::output(json, &m, || println!("บันทึกรายงานการประชุมแล้ว"));
        }
        MeetingCommand::ApproveMinutes { meeting, at } => {
            let m = ops::meetings::approve_minutes(store, meeting, at)?;
            print::output(json, &m, || println!("รับรองรายงานการประชุม {} แล้ว (ล็อก)", m.label()));
        }
        MeetingCommand::List => {
            let ms = store.read().meetings()?;
            print::output(json, &ms, || {
                for m in &ms {
                    println!(
                        "{:>4} {} {} {} มา {}/{}{}",
                        m.id,
                        m.kind,
                        m.label(),
                        m.held_on,
                        m.present,
                        m.eligible,
                        if m.locked { " รับรองแล้ว" } else { "" }
                    );
                }
            });
        }
        MeetingCommand::Print { meeting, pdf } => {
            let doc = ops::documents::Document::Minutes { meeting };
            let saved = ops::documents::save(store, ctx, &doc, ops::documents::Format::Pdf, &pdf)?;
            println!("เขียนแล้ว / written: {} ({} bytes)", saved.path.display(), saved.bytes);
        }
        MeetingCommand::Show { meeting } => {
            let reader = store.read();
            let m = reader
                .meeting(meeting)?
                .ok_or(Error::NotFound { what: "meeting", key: meeting.to_string() })?;
            let agenda = reader.agenda(meeting)?;
            let resolutions = reader.resolutions_of(meeting)?;
            #[derive(serde::Serialize)]
            struct Shown<'a> {
                meeting: &'a crate::store::MeetingRow,
                agenda: &'a [(i64, String, String)],
                resolutions: &'a [crate::store::ResolutionRow],
            }
            print::output(
                json,
                &Shown { meeting: &m, agenda: &agenda, resolutions: &resolutions },
                || {
                    println!(
                        "การประชุม {} วันที่ {} มา {}/{}",
                        m.label(),
                        m.held_on,
                        m.present,
                        m.eligible
                    );
                    for (n, t, _) in &agenda {
                        println!("  วาระที่ {n} {t}");
                    }
                    for r in &resolutions {
                        println!(
                            "  {} (รหัส {}): {} — เห็นด้วย {} ไม่เห็นด้วย {} งดออกเสียง {} {}",
                            r.label,
                            r.id,
                            r.subject,
                            r.votes_for,
                            r.votes_against,
                            r.abstain,
                            if r.passed { "ผ่าน" } else { "ไม่ผ่าน" }
                        );
                    }
                },
            );
        }
    }
    Ok(())
}

pub fn resolution(store: &mut Store, ctx: &Ctx, json: bool, a: ResolutionArgs) -> Result<()> {
    let r = ops::meetings::resolve(
        store,
        ctx,
        a.meeting,
        &ops::meetings::Vote {
            subject: &a.subject,
            kind: &a.kind,
            agenda_no: a.agenda,
            votes_for: a.votes_for,
            votes_against: a.against,
            abstain: a.abstain,
        },
    )?;
    print::output(json, &r, || {
        println!(
            "{} (รหัส {}) {}",
            r.label,
            r.id,
            if r.passed { "ผ่าน / passed" } else { "ไม่ผ่าน / failed" }
        )
    });
    Ok(())
}

pub fn matching(store: &mut Store, ctx: &Ctx, json: bool, c: MatchingCommand) -> Result<()> {
    match c {
        MatchingCommand::Receive { source, amount, round, date, till } => {
            let r = ops::matching::receive_matching(
                store,
                ctx,
                &source,
                &round,
                &amount,
                &today_or(ctx, &date),
                &till,
            )?;
            print::output(json, &r, || print::posted(&r));
        }
        MatchingCommand::Report { year, pdf } => {
            if let Some(path) = pdf {
                let doc = ops::documents::Document::Codi { year };
                let saved =
                    ops::documents::save(store, ctx, &doc, ops::documents::Format::Pdf, &path)?;
                println!("เขียนแล้ว / written: {} ({} bytes)", saved.path.display(), saved.bytes);
                return Ok(());
            }
            let r = ops::matching::codi(store, crate::domain::date::ce_year(year)?)?;
            print::output(json, &r, || {
                println!(
                    "ข้อมูลขอรับเงินสมทบ ณ {}",
                    crate::thai::date_long(r.counting_day, crate::thai::Digits::Arabic)
                );
                println!(
                    "สมาชิกครบ 1 ปี {} คน ขอสมทบได้ {} คน",
                    r.members_full_year, r.members_to_request
                );
                let [never, once, twice, thrice] = r.times_matched;
                println!(
                    "เคยได้รับเงินสมทบ 0 ครั้ง {never} คน, 1 ครั้ง {once} คน, 2 ครั้ง {twice} คน, 3 ครั้ง {thrice} คน"
                );
                for (name, v) in &r.income_by_source {
                    println!("  {name} {} บาท", v.display());
                }
                for c in &r.criteria {
                    println!("  {} {} : {} / {}", c.mark(), c.th, c.evidence_th, c.evidence_en);
                }
            });
        }
    }
    Ok(())
}

pub fn loan(store: &mut Store, ctx: &Ctx, json: bool, c: LoanCommand) -> Result<()> {
    match c {
        LoanCommand::New {
            member,
            amount,
            rate,
            method,
            months,
            date,
            guarantors,
            till,
            resolution,
        } => {
            let d = today_or(ctx, &date);
            let (id, posted) = ops::loans::lend(
                store,
                ctx,
                &ops::loans::LoanInput {
                    member_no: &member,
                    principal: &amount,
                    rate: &rate,
                    method: &method,
                    term_months: months,
                    date: &d,
                    guarantors: &guarantors,
                    till: &till,
                    resolution_id: resolution,
                },
            )?;
            print::output(json, &id, || println!("สัญญาเงินกู้ที่ {id} / loan {id}: {}", posted.doc_no));
        }
        LoanCommand::Repay { loan, amount, date, till } => {
            let r = ops::loans::repay(store, ctx, loan, &amount, &today_or(ctx, &date), &till)?;
            print::output(json, &r, || print::posted(&r));
        }
        LoanCommand::List => {
            let loans = store.read().loans()?;
            print::output(json, &loans, || {
                for l in &loans {
                    println!(
                        "{:>4} สมาชิก {} เงินต้น {} ชำระแล้ว {} ดอกเบี้ย {}",
                        l.id, l.member_id, l.principal, l.principal_paid, l.interest_paid
                    );
                }
            });
        }
        LoanCommand::Overdue { as_of } => {
            let as_of = match as_of {
                Some(s) => crate::domain::date::parse_field("as_of", &s)?,
                None => ctx.today(),
            };
            let rows = ops::loans::overdue(store, as_of)?;
            print::output(json, &rows, || {
                for r in &rows {
                    println!(
                        "{:>4} {} {} ค้างเงินต้น {} ค้างดอกเบี้ย {}",
                        r.loan_id, r.member_no, r.name, r.principal_overdue, r.interest_overdue
                    );
                }
            });
        }
    }
    Ok(())
}

pub fn allocate(store: &mut Store, ctx: &Ctx, json: bool, a: AllocateArgs) -> Result<()> {
    // allocate reads a BE or CE year itself (and names the year as typed when refusing it)
    let out = ops::allocation::allocate(store, ctx, a.year, &a.parts, &today_or(ctx, &a.date))?;
    print::output(json, &out, || {
        println!("จัดสรรกำไร {} บาท ({})", out.profit, out.doc_no);
        for (k, v) in &out.parts {
            println!("  {k} {v}");
        }
        println!("  สมาชิกได้รับปันผล/เฉลี่ยคืน {} คน", out.members.len());
    });
    Ok(())
}
