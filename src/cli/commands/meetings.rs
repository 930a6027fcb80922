//! The committee and its meetings: terms, meetings, attendance, agenda, resolutions, minutes.
use super::super::print;
use crate::domain::input::Input;
use crate::error::Result;
use crate::ops::{self, Ctx};
use crate::store::Store;
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum MeetingsCommand {
    /// Set a committee member's role and term.
    Committee(CommitteeArgs),
    /// Meetings: new, attend, agenda, minutes, approve-minutes, list, show.
    #[command(subcommand)]
    Meeting(MeetingCommand),
    /// Record a resolution (มติ) with its votes.
    Resolution(ResolutionArgs),
}

pub fn run(store: &mut Store, ctx: &Ctx, json: bool, command: MeetingsCommand) -> Result<()> {
    match command {
        MeetingsCommand::Committee(a) => committee(store, json, a),
        MeetingsCommand::Meeting(c) => meeting(store, ctx, json, c),
        MeetingsCommand::Resolution(a) => resolution(store, ctx, json, a),
    }
}

fn committee(store: &mut Store, json: bool, a: CommitteeArgs) -> Result<()> {
    let id = ops::meetings::set_committee(
        store,
        &a.member,
        ops::meetings::Role::parse(&a.role)?,
        &Input::day("from", &a.from)?,
        &Input::day("to", &a.to)?,
    )?;
    print::output(json, &id, || println!("บันทึกวาระกรรมการแล้ว / term recorded: {id}"));
    Ok(())
}

fn meeting(store: &mut Store, ctx: &Ctx, json: bool, c: MeetingCommand) -> Result<()> {
    match c {
        MeetingCommand::New { kind, date, place } => {
            let kind = ops::meetings::MeetingKind::parse(&kind)?;
            let m =
                ops::meetings::new_meeting(store, ctx, kind, &Input::day("date", &date)?, &place)?;
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
            let ms = crate::report::meetings::meetings(&store.read())?;
            print::output(json, &ms, || {
                for v in &ms {
                    let m = &v.meeting;
                    println!(
                        "{:>4} {} {} {} มา {}/{}{}",
                        m.id,
                        if m.kind == "general" {
                            "ประชุมใหญ่"
                        } else {
                            "คณะกรรมการ"
                        },
                        v.label,
                        crate::domain::date::parse(&m.held_on)
                            .map(|d| crate::thai::date_short(d, crate::thai::Digits::Arabic))
                            .unwrap_or_else(|_| m.held_on.clone()),
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
            let d = crate::report::meetings::meeting_detail(&store.read(), meeting)?;
            print::output(json, &d, || {
                let m = &d.meeting.meeting;
                let held = crate::domain::date::parse(&m.held_on)
                    .map(|x| crate::thai::date_long(x, crate::thai::Digits::Arabic))
                    .unwrap_or_else(|_| m.held_on.clone());
                println!("การประชุม {} วันที่ {held} มา {}/{}", d.meeting.label, m.present, m.eligible);
                for (n, t, _) in &d.agenda {
                    println!("  วาระที่ {n} {t}");
                }
                for r in &d.resolutions {
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
            });
        }
    }
    Ok(())
}

fn resolution(store: &mut Store, ctx: &Ctx, json: bool, a: ResolutionArgs) -> Result<()> {
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
