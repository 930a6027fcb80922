//! The fund itself: the demo, a new fund, its profile and accounts, the chain check, backup
//! and restore; and what `kongthun` with no command shows.
use super::super::print;
use crate::domain::fund::{FundKind, FundProfile, Schedule};
use crate::domain::input::Input;
use crate::domain::money::Sign;
use crate::domain::Satang;
use crate::error::{Error, Result};
use crate::ops::{self, Ctx};
use crate::store::Store;
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum AppCommand {
    /// Build the deterministic demo fund in an empty database.
    Demo(DemoArgs),
    /// Create the fund in an empty database.
    Init(Box<InitArgs>),
    /// Show the fund profile.
    Fund,
    /// List the chart of accounts.
    Accounts,
    /// Record who certified the fund (the government's criteria ask for it).
    Certify {
        /// codi (พอช.), office (the provincial social development office) or committee (the
        /// provincial committee, for a new fund).
        #[arg(long)]
        by: String,
        #[arg(long)]
        on: String,
        /// The certificate's or letter's number.
        #[arg(long)]
        document: String,
    },
    /// Record the villages (หมู่) of the fund's area, e.g. `1-12` or `1,2,5`.
    Area { moos: String },
    /// Record the local government (อปท.) whose area the fund serves, e.g. «อบต.หนองน้ำใส».
    LocalGovernment { name: String },
    /// Record one of the fund's governance rules from a day on, citing the decision:
    /// `rules_changed_by general|committee`, `require_cash_count yes|no`, `sajja_pledge <baht>`.
    FundRule {
        setting: String,
        value: String,
        /// Effective from (date; default today).
        #[arg(long)]
        from: Option<String>,
        /// The decision it comes from, in words, e.g. «มติที่ประชุมใหญ่ ครั้งที่ 1/2569 มติที่ 4»
        /// (with --resolution, the resolution's own words unless given).
        #[arg(long, default_value = "")]
        decision: String,
        /// The passed resolution it comes from (its number, as `kongthun meeting show` lists it).
        #[arg(long)]
        resolution: Option<i64>,
    },
    /// The fund's governance rules as they stand today, and every version recorded.
    FundRules,
    /// Recompute the hash chain and name the first broken entry.
    Verify,
    /// Write a verified backup into a folder.
    Backup(BackupArgs),
    /// Restore a backup (checked and verified before anything is replaced).
    Restore(RestoreArgs),
}

pub fn run(store: &mut Store, ctx: &Ctx, json: bool, command: AppCommand) -> Result<()> {
    match command {
        AppCommand::Demo(a) => {
            let until = match &a.until {
                Some(m) => crate::domain::date::parse_month(m)
                    .map_err(|p| Error::invalid("month", m, p))?,
                None => crate::demo::DEFAULT_UNTIL,
            };
            let summary = crate::demo::build(
                store,
                &crate::demo::DemoSpec {
                    members: a.members,
                    years: a.years,
                    seed: a.seed,
                    until,
                    kind: a.kind,
                    ..Default::default()
                },
            )?;
            print::output(json, &summary, || print::demo(&summary));
        }
        AppCommand::Init(a) => {
            let profile = a.profile()?;
            ops::fund::init_fund(store, ctx, &profile)?;
            if a.founded_on.is_some() || a.books_start.is_some() {
                let today = ctx.today().to_string();
                let start = a.books_start.clone().unwrap_or(today.clone());
                let founded = a.founded_on.clone().unwrap_or(start.clone());
                let (founded, start) =
                    (Input::day("founded_on", &founded)?, Input::day("books_start", &start)?);
                ops::fund::set_start(store, ctx, &founded, &start, "")?;
            }
            let fund = store.read().require_fund()?;
            print::output(json, &fund, || print::fund(&fund));
        }
        AppCommand::Fund => {
            let fund = store.read().require_fund()?;
            print::output(json, &fund, || print::fund(&fund));
        }
        AppCommand::Certify { by, on, document } => {
            let by = crate::domain::criteria::CertifiedBy::parse(&by)?;
            let on = crate::domain::input::Input::day("certified_on", &on)?;
            ops::fund::record_certification(store, ctx, by, &on, &document)?;
            println!("บันทึกการรับรองแล้ว / certification recorded: {} {}", by.th(), document);
        }
        AppCommand::Area { moos } => {
            let moos = ops::fund::set_area(store, &moos)?;
            let listed = moos.iter().map(|m| m.to_string()).collect::<Vec<_>>().join(", ");
            println!("หมู่ในพื้นที่ของกองทุน / the area's villages: {listed}");
        }
        AppCommand::LocalGovernment { name } => {
            let name = ops::fund::set_local_government(store, &name)?;
            println!("องค์กรปกครองส่วนท้องถิ่น / local government: {name}");
        }
        AppCommand::FundRule { setting, value, from, decision, resolution } => {
            let r = ops::fund::set_fund_rule(
                store,
                ctx,
                &setting,
                &value,
                &crate::domain::input::Input::day_or("effective_on", from.as_deref(), ctx.today())?,
                &decision,
                resolution,
            )?;
            print::output(json, &r, || {
                let from = crate::thai::date_long(r.effective_from, crate::thai::Digits::Arabic);
                println!("บันทึกแล้ว: {} = {} ตั้งแต่ {from}", r.key.name_th(), r.key.show_th(r.value));
            });
        }
        AppCommand::FundRules => {
            let rules = ops::fund::fund_rules(store, ctx.today())?;
            print::output(json, &rules, || {
                for r in &rules.now {
                    match (&r.since, &r.decision) {
                        (Some(since), Some(decision)) => println!(
                            "{} = {} (ตั้งแต่ {}; {decision})",
                            r.name_th,
                            r.shown_th,
                            crate::thai::date_long(*since, crate::thai::Digits::Arabic)
                        ),
                        _ => println!("{} = {} (ค่าเริ่มต้นของโปรแกรม)", r.name_th, r.shown_th),
                    }
                }
            });
        }
        AppCommand::Accounts => {
            let accounts = store.read().accounts()?;
            print::output(json, &accounts, || print::accounts(&accounts));
        }
        AppCommand::Verify => {
            let report = store.read().verify_chain()?;
            print::output(json, &report, || print::verified(&report));
        }
        AppCommand::Backup(a) => {
            let out = ops::backup::backup(store, ctx, &a.dir)?;
            print::output(json, &out, || {
                println!("สำรองข้อมูลแล้ว / backup written: {}", out.path.display());
                println!(
                    "รายการ / entries: {}  ลายนิ้วมือ / fingerprint: {}",
                    out.entries, out.fingerprint
                );
            });
        }
        AppCommand::Restore(a) => {
            let out = ops::backup::restore(store, ctx, &a.file)?;
            print::output(json, &out, || {
                println!("กู้คืนข้อมูลแล้ว / restored: {} ({} entries)", out.fund_name, out.entries);
                println!("ลายนิ้วมือ / fingerprint: {}", out.fingerprint);
                if let Some(copy) = &out.previous_copy {
                    println!("ข้อมูลเดิมเก็บไว้ที่ / previous data kept at: {}", copy.display());
                }
            });
        }
    }
    Ok(())
}

/// `kongthun` with no command: open the default database, creating the demo fund the first
/// time, and show the fund, this month's figures and the trial balance.
pub fn open_default(db: &std::path::Path, ctx: &Ctx) -> Result<()> {
    let mut store = Store::open(db)?;
    if store.read().fund()?.is_none() {
        println!("สร้างกองทุนตัวอย่างใน / creating the demo fund in {}", db.display());
        let summary = crate::demo::build(&mut store, &crate::demo::DemoSpec::default())?;
        print::demo(&summary);
    }
    let fund = store.read().require_fund()?;
    print::fund(&fund);
    let tb = crate::report::trial_balance(&store.read(), ctx.today())?;
    print::trial_balance(&tb);
    Ok(())
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    #[arg(long, default_value_t = 300)]
    pub members: u32,
    #[arg(long, default_value_t = 3)]
    pub years: u32,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Last month of the demo (YYYY-MM); fixed by default so the same seed gives the same fund.
    #[arg(long)]
    pub until: Option<String>,
    /// welfare, savings or both.
    #[arg(long, default_value = "both", value_parser = parse_kind)]
    pub kind: FundKind,
}

fn parse_kind(s: &str) -> std::result::Result<FundKind, String> {
    FundKind::parse(s).map_err(|e| e.message_en())
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Fund name in Thai.
    #[arg(long)]
    pub name: String,
    #[arg(long, default_value = "")]
    pub name_en: String,
    /// welfare, savings or both.
    #[arg(long, default_value = "welfare")]
    pub kind: String,
    /// Fund code (letters, digits, '-').
    #[arg(long)]
    pub code: String,
    #[arg(long, default_value = "")]
    pub village: String,
    #[arg(long)]
    pub moo: Option<u32>,
    #[arg(long, default_value = "")]
    pub tambon: String,
    #[arg(long, default_value = "")]
    pub amphoe: String,
    #[arg(long, default_value = "")]
    pub changwat: String,
    /// Month the fiscal year starts (1-12).
    #[arg(long, default_value_t = 1)]
    pub fiscal_year_start: u32,
    /// daily, monthly or yearly.
    #[arg(long, default_value = "daily")]
    pub schedule: String,
    /// Contribution per period in baht.
    #[arg(long, default_value = "1")]
    pub contribution: String,
    #[arg(long, default_value = "0")]
    pub entrance_fee: String,
    /// Missed periods after which a member lapses (0: never).
    #[arg(long, default_value_t = 0)]
    pub lapse_after: u32,
    #[arg(long)]
    pub thai_digits: bool,
    /// When the fund was really founded (default: today).
    #[arg(long)]
    pub founded_on: Option<String>,
    /// The first day kept in this book (default: today); nothing may be dated before it.
    #[arg(long)]
    pub books_start: Option<String>,
}

impl InitArgs {
    pub fn profile(&self) -> Result<FundProfile> {
        Ok(FundProfile {
            name_th: self.name.clone(),
            name_en: self.name_en.clone(),
            kind: FundKind::parse(&self.kind)?,
            fund_code: self.code.clone(),
            village: self.village.clone(),
            moo: self.moo,
            tambon: self.tambon.clone(),
            amphoe: self.amphoe.clone(),
            changwat: self.changwat.clone(),
            fiscal_year_start: self.fiscal_year_start,
            schedule: Schedule::parse(&self.schedule)?,
            contribution: crate::ops::fund::contribution_of(
                FundKind::parse(&self.kind)?,
                &self.contribution,
            )?,
            entrance_fee: Satang::parse_field(
                "entrance_fee",
                &self.entrance_fee,
                Sign::NonNegative,
            )?,
            lapse_after: self.lapse_after,
            thai_digits: self.thai_digits,
        })
    }
}

#[derive(Args, Debug)]
pub struct BackupArgs {
    pub dir: PathBuf,
}

#[derive(Args, Debug)]
pub struct RestoreArgs {
    pub file: PathBuf,
}
