//! Members: add, edit, status, list, show, import; the arrears list and the lapse rule.
use super::super::common::*;
use super::super::print;
use crate::domain::input::Input;
use crate::domain::member::MemberFields;
use crate::domain::MemberStatus;
use crate::error::Result;
use crate::ops::{self, Ctx};
use crate::store::{MemberFilter, Store};
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum MembersCommand {
    /// Members: add, edit, status, list, show, import.
    #[command(subcommand)]
    Member(Box<MemberCommand>),
    /// Members behind with their contributions.
    Arrears(ArrearsArgs),
    /// Apply the lapse rule as of a date.
    Lapse(AsOfArgs),
}

pub fn run(store: &mut Store, ctx: &Ctx, json: bool, command: MembersCommand) -> Result<()> {
    match command {
        MembersCommand::Member(m) => member(store, ctx, json, *m)?,
        MembersCommand::Arrears(a) => {
            let as_of = AsOfArgs { as_of: a.as_of.clone() }.as_of(ctx)?;
            let doc = ops::documents::Document::Arrears { as_of: as_of.to_string() };
            if !save_outputs(store, ctx, &doc, &a.out)? {
                let rows = ops::contributions::arrears(store, as_of)?;
                print::output(json, &rows, || print::arrears(&rows, as_of));
            }
        }
        MembersCommand::Lapse(a) => {
            let as_of = a.as_of(ctx)?;
            let lapsed = ops::contributions::apply_lapse(store, ctx, as_of)?;
            print::output(json, &lapsed, || {
                println!("พ้นสภาพเพราะขาดส่ง / lapsed: {}", lapsed.len())
            });
        }
    }
    Ok(())
}

fn member(store: &mut Store, ctx: &Ctx, json: bool, command: MemberCommand) -> Result<()> {
    match command {
        MemberCommand::Add(a) => {
            let m = match a.resolution {
                Some(res) => ops::members::add_member_by_resolution(store, ctx, &a.fields(), res)?,
                None => ops::members::add_member(store, ctx, &a.fields())?,
            };
            print::output(json, &m, || print::member(&m, &[], None));
        }
        MemberCommand::Edit(a) => {
            let current = ops::member_by_no(&store.read(), &a.member)?;
            let fields = a.fields.apply_to(ops::members::fields_of(&current));
            let m = ops::members::edit_member(store, ctx, &a.member, &fields)?;
            print::output(json, &m, || print::member(&m, &[], None));
        }
        MemberCommand::Status(a) => {
            let status = MemberStatus::parse(&a.status)?;
            let m = ops::members::change_status(
                store,
                ctx,
                &a.member,
                status,
                &Input::day_or("effective_on", a.date.as_deref(), ctx.today())?,
                &a.reason,
            )?;
            print::output(json, &m, || print::member(&m, &[], None));
        }
        MemberCommand::List(a) => {
            let filter = MemberFilter {
                search: a.search,
                status: a.status.as_deref().map(MemberStatus::parse).transpose()?,
                moo: a.moo,
                limit: a.limit,
            };
            let rows = ops::members::list_members(store, &filter)?;
            print::output(json, &rows, || print::members(&rows));
        }
        MemberCommand::Show(a) => {
            let d = crate::report::members::member_detail(&store.read(), &a.member, ctx.today())?;
            print::output(json, &d, || {
                print::member(&d.member, &d.history, Some(d.savings_balance));
                let s = &d.standing;
                println!(
                    "เงินสมทบ / contributions: ส่งแล้ว {} งวด, ค้าง {} งวด ({} บาท), ถึงงวด {}",
                    s.periods_paid,
                    s.arrears_periods,
                    s.arrears_amount.display(),
                    s.paid_through.clone().unwrap_or_else(|| "-".into())
                );
            });
        }
        MemberCommand::Import(a) => {
            let report = ops::import::import_members(store, ctx, &a.file, a.good_rows)?;
            print::output(json, &report, || print::import(&report));
        }
    }
    Ok(())
}

#[derive(Subcommand, Debug)]
pub enum MemberCommand {
    Add(MemberAddArgs),
    Edit(MemberEditArgs),
    /// Change status: active, lapsed, resigned, deceased, expelled.
    Status(MemberStatusArgs),
    List(MemberListArgs),
    Show(MemberShowArgs),
    /// Import from CSV or XLSX (first row: column names in English or Thai).
    Import(MemberImportArgs),
}

/// Member fields as flags; all optional so `edit` can change only some.
#[derive(Args, Debug, Default)]
pub struct MemberFieldArgs {
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub first_name: Option<String>,
    #[arg(long)]
    pub last_name: Option<String>,
    #[arg(long)]
    pub national_id: Option<String>,
    #[arg(long)]
    pub birth_date: Option<String>,
    #[arg(long)]
    pub sex: Option<String>,
    #[arg(long)]
    pub moo: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub joined_on: Option<String>,
    /// disabled, disadvantaged, orphan (comma separated).
    #[arg(long)]
    pub groups: Option<String>,
    #[arg(long)]
    pub beneficiary_name: Option<String>,
    #[arg(long)]
    pub beneficiary_relation: Option<String>,
    #[arg(long)]
    pub beneficiary_national_id: Option<String>,
}

impl MemberFieldArgs {
    pub fn apply_to(&self, mut f: MemberFields) -> MemberFields {
        let set = |target: &mut String, v: &Option<String>| {
            if let Some(v) = v {
                *target = v.clone();
            }
        };
        set(&mut f.title, &self.title);
        set(&mut f.first_name, &self.first_name);
        set(&mut f.last_name, &self.last_name);
        set(&mut f.national_id, &self.national_id);
        set(&mut f.birth_date, &self.birth_date);
        set(&mut f.sex, &self.sex);
        set(&mut f.moo, &self.moo);
        set(&mut f.address, &self.address);
        set(&mut f.phone, &self.phone);
        set(&mut f.joined_on, &self.joined_on);
        set(&mut f.groups, &self.groups);
        set(&mut f.beneficiary_name, &self.beneficiary_name);
        set(&mut f.beneficiary_relation, &self.beneficiary_relation);
        set(&mut f.beneficiary_national_id, &self.beneficiary_national_id);
        f
    }
}

#[derive(Args, Debug)]
pub struct MemberAddArgs {
    /// Member number (default: the next free number).
    #[arg(long)]
    pub member_no: Option<String>,
    /// The resolution that admitted the member.
    #[arg(long)]
    pub resolution: Option<i64>,
    #[command(flatten)]
    pub fields: MemberFieldArgs,
}

impl MemberAddArgs {
    pub fn fields(&self) -> MemberFields {
        let mut f = self.fields.apply_to(MemberFields::default());
        f.member_no = self.member_no.clone().unwrap_or_default();
        f
    }
}

#[derive(Args, Debug)]
pub struct MemberEditArgs {
    pub member: String,
    #[command(flatten)]
    pub fields: MemberFieldArgs,
}

#[derive(Args, Debug)]
pub struct MemberStatusArgs {
    pub member: String,
    pub status: String,
    /// Effective date (default: today).
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub reason: String,
}

#[derive(Args, Debug)]
pub struct MemberListArgs {
    /// Member number, national ID, or the start of a first or last name.
    #[arg(long)]
    pub search: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub moo: Option<u32>,
    #[arg(long)]
    pub limit: Option<usize>,
}

#[derive(Args, Debug)]
pub struct MemberShowArgs {
    pub member: String,
}

#[derive(Args, Debug)]
pub struct MemberImportArgs {
    pub file: PathBuf,
    /// Import the good rows and report the bad ones (default: import nothing if any row is bad).
    #[arg(long)]
    pub good_rows: bool,
}

#[derive(Args, Debug)]
pub struct ArrearsArgs {
    #[arg(long)]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub out: FileOutputs,
}
