//! First run, opening and leaving a book, settings, backups, file choosers and the viewer.
use super::Nothing;
use crate::error::{UiError, UiResult};
use crate::progress::Progress;
use crate::state::{AppState, Session, DEFAULT_RECORDER};
use kongthun::ops;
use kongthun::store::province::ProvinceStore;
use kongthun::store::Store;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

#[derive(Serialize)]
pub struct AppStatus {
    /// `first_run`, `fund`, `province` or `broken`.
    mode: &'static str,
    fund_name: Option<String>,
    fund_code: Option<String>,
    fund_kind: Option<String>,
    thai_digits: bool,
    recorder: String,
    fund_db: PathBuf,
    province_db: PathBuf,
    backups: PathBuf,
    today: String,
    /// For a broken book: the error and the newest backup to offer.
    error: Option<UiError>,
    newest_backup: Option<PathBuf>,
}

/// The fund's book as the app finds it: open with its fund, or broken; None when there is
/// no book yet.
fn fund_session(state: &AppState) -> Option<Session> {
    state.paths.fund_db.exists().then(|| {
        match Store::open(&state.paths.fund_db).and_then(|s| s.read().require_fund().map(|_| s)) {
            Ok(store) => Session::fund(store),
            Err(e) => Session::Broken(e.into()),
        }
    })
}

/// Open whatever the data folder holds: the fund's book, else a province database.
pub fn open_at_start(state: &AppState) {
    let session = fund_session(state).unwrap_or_else(|| {
        if !state.paths.province_db.exists() {
            return Session::Closed;
        }
        match ProvinceStore::open(&state.paths.province_db) {
            Ok(store) => Session::Province(Box::new(store)),
            Err(e) => Session::Broken(e.into()),
        }
    });
    *state.lock() = session;
}

/// Remove a book whose making failed (and its WAL files), so the next try starts clean.
fn remove_half_made_book(state: &AppState) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", state.paths.fund_db.display()));
    }
}

/// The first backup of the day (kept in rotation), made a while after the start so that it
/// never delays the dashboard; a failure is not worth stopping work for and shows on the
/// dashboard as an old "last backup".
pub fn daily_backup(state: &AppState) {
    if let Session::Fund(store) = &mut *state.lock() {
        if let Ok(ctx) = state.ctx(store) {
            let _ = ops::backup::automatic_backup(
                store,
                &ctx,
                &state.paths.backups,
                ops::backup::AUTOMATIC_BACKUPS_KEPT,
                true,
            );
        }
    }
}

/// On exit: always a backup (kept in rotation).
pub fn exit_backup(state: &AppState) {
    if let Session::Fund(store) = &mut *state.lock() {
        if let Ok(ctx) = state.ctx(store) {
            let _ = ops::backup::automatic_backup(
                store,
                &ctx,
                &state.paths.backups,
                ops::backup::AUTOMATIC_BACKUPS_KEPT,
                false,
            );
        }
    }
}

#[tauri::command(rename_all = "snake_case")]
pub async fn app_status(state: State<'_, AppState>, input: Nothing) -> UiResult<AppStatus> {
    let _ = input;
    let today = ops::Ctx::new(DEFAULT_RECORDER, state.now())?.today().to_string();
    let mut status = AppStatus {
        mode: "first_run",
        fund_name: None,
        fund_code: None,
        fund_kind: None,
        thai_digits: false,
        recorder: DEFAULT_RECORDER.into(),
        fund_db: state.paths.fund_db.clone(),
        province_db: state.paths.province_db.clone(),
        backups: state.paths.backups.clone(),
        today,
        error: None,
        newest_backup: None,
    };
    match &*state.lock() {
        Session::Closed => status.newest_backup = ops::backup::newest_backup(&state.paths.backups),
        Session::Fund(store) => {
            let fund = store.read().require_fund()?.profile;
            status.mode = "fund";
            status.fund_name = Some(fund.name_th);
            status.fund_code = Some(fund.fund_code);
            status.fund_kind = Some(fund.kind.key().into());
            status.thai_digits = fund.thai_digits;
            status.recorder = state.ctx(store)?.recorded_by;
        }
        Session::Province(_) => status.mode = "province",
        Session::Broken(e) => {
            status.mode = "broken";
            status.error = Some(e.clone());
            status.newest_backup = ops::backup::newest_backup(&state.paths.backups);
        }
    }
    Ok(status)
}

fn refuse_if_open(state: &AppState) -> UiResult<()> {
    if state.paths.fund_db.exists() {
        return Err(UiError::shell(
            "fund_exists",
            format!("มีสมุดบัญชีอยู่แล้วที่ {}", state.paths.fund_db.display()),
            format!("a book already exists at {}", state.paths.fund_db.display()),
        ));
    }
    if let Some(dir) = state.paths.fund_db.parent() {
        std::fs::create_dir_all(dir).map_err(|e| UiError::from(kongthun::Error::file(dir, e)))?;
    }
    Ok(())
}

/// First run: build the deterministic demo fund (300 members, 3 years) and open it.
#[tauri::command(rename_all = "snake_case")]
pub async fn open_demo(
    app: AppHandle,
    state: State<'_, AppState>,
    input: Nothing,
) -> UiResult<kongthun::demo::DemoSummary> {
    let _ = input;
    refuse_if_open(&state)?;
    let progress =
        Progress::start(&app, "demo", 2, "กำลังสร้างกองทุนตัวอย่าง", "building the demo fund");
    let result = (|| {
        let mut store = Store::open(&state.paths.fund_db)?;
        let summary = kongthun::demo::build(&mut store, &kongthun::demo::DemoSpec::default())?;
        Ok::<_, kongthun::Error>((store, summary))
    })();
    progress.finish();
    match result {
        Ok((store, summary)) => {
            *state.lock() = Session::fund(store);
            Ok(summary)
        }
        Err(e) => {
            remove_half_made_book(&state);
            Err(e.into())
        }
    }
}

#[derive(Deserialize)]
pub struct CreateFund {
    profile: ops::fund::FundForm,
    recorder: String,
    /// The committee the fund starts with (rows left empty are skipped).
    #[serde(default)]
    committee: Vec<OfficerInput>,
}

/// One of the new fund's committee as the wizard's step takes them.
#[derive(Deserialize)]
pub struct OfficerInput {
    role: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    national_id: String,
    #[serde(default)]
    term_to: String,
}

/// First run: the wizard's new fund.
#[tauri::command(rename_all = "snake_case")]
pub async fn create_fund(state: State<'_, AppState>, input: CreateFund) -> UiResult<()> {
    // Check every field before a file is made, so a typo leaves nothing behind.
    let profile = input.profile.profile()?;
    profile.validate()?;
    refuse_if_open(&state)?;
    let mut store = Store::open(&state.paths.fund_db)?;
    let ctx = ops::Ctx::new(
        if input.recorder.trim().is_empty() { DEFAULT_RECORDER } else { input.recorder.trim() },
        state.now(),
    )?;
    let mut committee = Vec::new();
    for o in input
        .committee
        .iter()
        .filter(|o| !(o.first_name.trim().is_empty() && o.last_name.trim().is_empty()))
    {
        committee.push(ops::fund::FoundingOfficer {
            fields: kongthun::domain::member::MemberFields {
                title: o.title.clone(),
                first_name: o.first_name.clone(),
                last_name: o.last_name.clone(),
                national_id: o.national_id.clone(),
                ..Default::default()
            },
            role: kongthun::domain::committee::Role::parse(&o.role)?,
            term_to: kongthun::domain::input::Input::day("term_to", &o.term_to)?,
        });
    }
    let made = if committee.is_empty() {
        ops::fund::init_fund(&mut store, &ctx, &profile)
    } else {
        ops::fund::init_fund_with_committee(&mut store, &ctx, &profile, &committee)
    };
    if let Err(e) = made {
        drop(store);
        remove_half_made_book(&state);
        return Err(e.into());
    }
    store.write(|tx| tx.set_setting("recorder", &ctx.recorded_by))?;
    *state.lock() = Session::fund(store);
    Ok(())
}

#[derive(Deserialize)]
pub struct PathInput {
    path: PathBuf,
}

/// Restore a backup: in place of the open book (its copy is kept), or on first run, or in
/// place of a book that cannot be opened (kept aside, never deleted).
#[tauri::command(rename_all = "snake_case")]
pub async fn restore_backup(
    state: State<'_, AppState>,
    input: PathInput,
) -> UiResult<ops::backup::RestoreOutcome> {
    let mut session = state.lock();
    if let Session::Fund(store) = &mut *session {
        let ctx = state.ctx(store)?;
        return Ok(ops::backup::restore(store, &ctx, &input.path)?);
    }
    let ctx = ops::Ctx::new(DEFAULT_RECORDER, state.now())?;
    *session = Session::Closed;
    let (store, outcome) =
        ops::backup::recover_from_backup(&state.paths.fund_db, &ctx, &input.path)?;
    *session = Session::fund(store);
    Ok(outcome)
}

/// First run or the menu: switch to province mode (the database is made the first time).
#[tauri::command(rename_all = "snake_case")]
pub async fn open_province(state: State<'_, AppState>, input: Nothing) -> UiResult<PathBuf> {
    let _ = input;
    if let Some(dir) = state.paths.province_db.parent() {
        std::fs::create_dir_all(dir).map_err(|e| UiError::from(kongthun::Error::file(dir, e)))?;
    }
    let store = ProvinceStore::open(&state.paths.province_db)?;
    *state.lock() = Session::Province(Box::new(store));
    Ok(state.paths.province_db.clone())
}

/// Back to the fund's book from province mode (or to the first-run screen if there is none).
#[tauri::command(rename_all = "snake_case")]
pub async fn open_fund(state: State<'_, AppState>, input: Nothing) -> UiResult<()> {
    let _ = input;
    let session = fund_session(&state).unwrap_or(Session::Closed);
    *state.lock() = session;
    Ok(())
}

#[derive(Serialize, Deserialize)]
pub struct Settings {
    recorder: String,
    fund: Option<kongthun::domain::FundProfile>,
    fund_db: PathBuf,
    backups: PathBuf,
    key_fingerprint: Option<String>,
    /// Every change of the profile, the newest first.
    #[serde(skip_deserializing, default)]
    profile_history: Vec<kongthun::report::ProfileChange>,
    /// What the fund recorded for the criteria, shown in the records form: who certified
    /// it (`codi`, `office`, `committee`), when (ISO), the document, its area's villages.
    #[serde(skip_deserializing, default)]
    records: Records,
}

#[derive(Serialize, Default)]
pub struct Records {
    certified_by: String,
    certified_on: String,
    certified_document: String,
    area_moos: Vec<u32>,
    local_government: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn settings_get(state: State<'_, AppState>, input: Nothing) -> UiResult<Settings> {
    let _ = input;
    state.with_fund(|store, state| {
        let reader = store.read();
        let key = reader.current_public_key()?.map(|k| kongthun::bundle::keys::fingerprint(&k));
        Ok(Settings {
            recorder: state.ctx(store)?.recorded_by,
            fund: Some(store.read().require_fund()?.profile),
            fund_db: state.paths.fund_db.clone(),
            backups: state.paths.backups.clone(),
            key_fingerprint: key,
            profile_history: kongthun::report::profile_history(&store.read())?,
            records: {
                let cert = kongthun::report::codi::certification(&reader)?;
                let area = kongthun::report::codi::area_moos(&reader)?;
                Records {
                    certified_by: cert.as_ref().map(|c| c.by.key().to_string()).unwrap_or_default(),
                    certified_on: cert.as_ref().map(|c| c.on.to_string()).unwrap_or_default(),
                    certified_document: cert.map(|c| c.document).unwrap_or_default(),
                    area_moos: area.map(|a| a.into_iter().collect()).unwrap_or_default(),
                    local_government: kongthun::report::codi::local_government(&reader)?
                        .unwrap_or_default(),
                }
            },
        })
    })
}

#[derive(Deserialize)]
pub struct RecorderInput {
    recorder: String,
}

/// The name written on every entry from now on (who records).
#[tauri::command(rename_all = "snake_case")]
pub async fn settings_save(state: State<'_, AppState>, input: RecorderInput) -> UiResult<String> {
    state.with_fund(|store, state| {
        kongthun::domain::text::required("recorder", &input.recorder, 100)?;
        store.write(|tx| tx.set_setting("recorder", input.recorder.trim()))?;
        Ok(state.ctx(store)?.recorded_by)
    })
}

#[derive(Deserialize)]
pub struct BackupInput {
    /// A folder (a USB stick); none means the app's own backup folder, kept in rotation.
    dir: Option<PathBuf>,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn backup_now(
    state: State<'_, AppState>,
    input: BackupInput,
) -> UiResult<ops::backup::BackupOutcome> {
    state.with_fund_ctx(|store, ctx, _| {
        Ok(match input.dir {
            Some(dir) => ops::backup::backup(store, ctx, &dir)?,
            None => ops::backup::automatic_backup(
                store,
                ctx,
                &state.paths.backups,
                ops::backup::AUTOMATIC_BACKUPS_KEPT,
                false,
            )?
            .expect("an unconditional backup always runs"),
        })
    })
}

#[derive(Deserialize)]
pub struct ChooseInput {
    /// `open` (a file), `folder`, or `save` (a new file).
    mode: String,
    /// Suggested file name for `save`.
    name: Option<String>,
    /// File name extensions to offer, e.g. `["csv", "xlsx"]`.
    extensions: Option<Vec<String>>,
}

/// The system file chooser; `None` when the treasurer cancels.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_path(app: AppHandle, input: ChooseInput) -> UiResult<Option<PathBuf>> {
    let mut dialog = app.dialog().file();
    if let Some(ext) = &input.extensions {
        let ext: Vec<&str> = ext.iter().map(String::as_str).collect();
        dialog = dialog.add_filter(ext.join(", "), &ext);
    }
    if let Some(name) = &input.name {
        dialog = dialog.set_file_name(name);
    }
    let picked = match input.mode.as_str() {
        "open" => dialog.blocking_pick_file(),
        "folder" => dialog.blocking_pick_folder(),
        "save" => dialog.blocking_save_file(),
        other => {
            return Err(UiError::shell(
                "invalid.unknown_choice",
                format!("ไม่รู้จัก '{other}'"),
                format!("unknown chooser '{other}'"),
            ))
        }
    };
    Ok(picked.and_then(|p| p.into_path().ok()))
}

/// Open a saved file (a PDF to print) in the system's own viewer, by the desktop's own
/// opener program. (Not tauri-plugin-opener: on Linux it links a D-Bus client that can
/// speak TCP, and this app carries no network code; see docs/security.md.)
#[tauri::command(rename_all = "snake_case")]
pub async fn open_path(input: PathInput) -> UiResult<()> {
    let path = &input.path;
    if !path.is_file() {
        let shown = path.display();
        return Err(UiError::shell(
            "open_failed",
            format!("ไม่พบแฟ้ม {shown}"),
            format!("no file {shown}"),
        ));
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        // reaped on its own thread: the viewer may outlive the opener, never a zombie
        .map(|mut child| drop(std::thread::spawn(move || child.wait())))
        .map_err(|e| {
            UiError::shell(
                "open_failed",
                format!("เปิดแฟ้มไม่ได้ ({opener}): {e}"),
                format!("could not open the file with {opener}: {e}"),
            )
        })
}

/// Send a saved PDF to the printer: through CUPS's `lp` (Linux, macOS), or the system's
/// print verb on Windows. The page itself has no printing permission; the file it saved is
/// printed by the desktop. Says what the print queue answered (the job).
#[tauri::command(rename_all = "snake_case")]
pub async fn print_path(input: PathInput) -> UiResult<String> {
    let path = &input.path;
    let shown = path.display();
    if !path.is_file() {
        return Err(UiError::shell(
            "print_failed",
            format!("ไม่พบแฟ้ม {shown}"),
            format!("no file {shown}"),
        ));
    }
    let mut command = if cfg!(windows) {
        let mut c = std::process::Command::new("powershell");
        c.args(["-NoProfile", "-Command", "Start-Process", "-Verb", "Print", "-FilePath"])
            .arg(path);
        c
    } else {
        let mut c = std::process::Command::new("lp");
        c.arg("--").arg(path);
        c
    };
    let out = command.stdin(std::process::Stdio::null()).output().map_err(|e| {
        UiError::shell(
            "print_failed",
            format!("สั่งพิมพ์ไม่ได้: ไม่พบโปรแกรมสั่งพิมพ์ของเครื่อง ({e})"),
            format!("cannot print: the system's print command is missing ({e})"),
        )
    })?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(UiError::shell(
            "print_failed",
            format!("เครื่องพิมพ์ไม่รับงาน: {said}"),
            format!("the printer refused the job: {said}"),
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[derive(Deserialize)]
pub struct FundRecordsInput {
    /// `codi`, `office` or `committee`; empty leaves the certification as it is.
    #[serde(default)]
    certified_by: String,
    #[serde(default)]
    certified_on: String,
    #[serde(default)]
    certified_document: String,
    /// The villages of the fund's area, `1-12`; empty leaves them as they are.
    #[serde(default)]
    area_moos: String,
    #[serde(default)]
    local_government: String,
}

/// What the government's criteria ask the fund to record: its certification and the
/// villages of its area.
#[tauri::command(rename_all = "snake_case")]
pub async fn fund_records_save(
    state: State<'_, AppState>,
    input: FundRecordsInput,
) -> UiResult<()> {
    state.with_fund_ctx(|store, ctx, _| {
        if !input.certified_by.trim().is_empty() {
            let by = kongthun::domain::criteria::CertifiedBy::parse(&input.certified_by)?;
            let on = kongthun::domain::input::Input::day("certified_on", &input.certified_on)?;
            ops::fund::record_certification(store, ctx, by, &on, &input.certified_document)?;
        }
        if !input.area_moos.trim().is_empty() {
            ops::fund::set_area(store, &input.area_moos)?;
        }
        if !input.local_government.trim().is_empty() {
            ops::fund::set_local_government(store, &input.local_government)?;
        }
        Ok(())
    })
}

#[derive(Deserialize)]
pub struct ProfileInput {
    fields: ops::fund::ProfileEdit,
    reason: String,
}

/// The fund's names, address, entrance fee, lapse rule and Thai digits changed in Settings,
/// kept with the reason.
#[tauri::command(rename_all = "snake_case")]
pub async fn fund_profile_save(
    state: State<'_, AppState>,
    input: ProfileInput,
) -> UiResult<kongthun::domain::FundProfile> {
    state.with_fund_ctx(|store, ctx, _| {
        let current = store.read().require_fund()?.profile;
        let after = input.fields.apply(&current)?;
        Ok(ops::fund::edit_profile(store, ctx, &after, &input.reason)?)
    })
}

/// The fund's governance rules as they stand today, with every version recorded.
#[tauri::command(rename_all = "snake_case")]
pub async fn fund_rules_get(state: State<'_, AppState>) -> UiResult<ops::fund::FundRulesNow> {
    state.with_fund_ctx(|store, ctx, _| Ok(ops::fund::fund_rules(store, ctx.today())?))
}

#[derive(Deserialize)]
pub struct FundRuleInput {
    fund_rule: String,
    value: String,
    from: String,
    /// In words (the resolution's own when one is cited and this is left empty).
    #[serde(default)]
    decision: String,
    /// The passed resolution it comes from, if any.
    #[serde(default)]
    resolution_id: Option<i64>,
}

/// One governance rule recorded from a day on, citing the decision it comes from.
#[tauri::command(rename_all = "snake_case")]
pub async fn fund_rule_save(
    state: State<'_, AppState>,
    input: FundRuleInput,
) -> UiResult<kongthun::domain::fund_rules::FundRule> {
    state.with_fund_ctx(|store, ctx, _| {
        let from = kongthun::domain::input::Input::day("effective_on", &input.from)?;
        Ok(ops::fund::set_fund_rule(
            store,
            ctx,
            &input.fund_rule,
            &input.value,
            &from,
            &input.decision,
            input.resolution_id,
        )?)
    })
}

#[derive(Deserialize)]
pub struct ZoomInput {
    /// The page's size in percent: 100, 110, 125, 150 or 175.
    percent: u32,
}

/// Draw the whole window larger (as the browser's own zoom does: the page is laid out for a
/// narrower screen), for older eyes; the page keeps the choice on this machine and asks again
/// at start.
#[tauri::command(rename_all = "snake_case")]
pub async fn screen_zoom(window: tauri::WebviewWindow, input: ZoomInput) -> UiResult<u32> {
    const SIZES: [u32; 5] = [100, 110, 125, 150, 175];
    if !SIZES.contains(&input.percent) {
        return Err(UiError::shell(
            "invalid.unknown_choice",
            format!("ขนาดหน้าจอ '{}' ใช้ไม่ได้ (เลือก 100, 110, 125, 150 หรือ 175)", input.percent),
            format!("screen size '{}' is not one of 100, 110, 125, 150, 175", input.percent),
        ));
    }
    window.set_zoom(f64::from(input.percent) / 100.0).map_err(|e| {
        UiError::shell(
            "zoom_failed",
            format!("ขยายหน้าจอไม่ได้ ({e})"),
            format!("cannot change the screen size ({e})"),
        )
    })?;
    Ok(input.percent)
}
