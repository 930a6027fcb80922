//! Welfare rules (every version) and claims (open, evaluate, approve or reject, pay), and
//! matching money with the CODI request figures.
use super::super::print;
use crate::domain::input::Input;
use crate::error::Result;
use crate::ops::{self, Ctx};
use crate::store::Store;
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum WelfareCommand {
    /// Welfare rules (versioned).
    #[command(subcommand)]
    Rule(RuleCommand),
    /// Welfare claims: open, evaluate, approve, reject, pay.
    #[command(subcommand)]
    Claim(ClaimCommand),
    /// Matching money and the CODI request figures.
    #[command(subcommand)]
    Matching(MatchingCommand),
}

pub fn run(store: &mut Store, ctx: &Ctx, json: bool, command: WelfareCommand) -> Result<()> {
    match command {
        WelfareCommand::Rule(c) => rule(store, ctx, json, c),
        WelfareCommand::Claim(c) => claim(store, ctx, json, c),
        WelfareCommand::Matching(c) => matching(store, ctx, json, c),
    }
}

fn rule(store: &mut Store, ctx: &Ctx, json: bool, c: RuleCommand) -> Result<()> {
    match c {
        RuleCommand::List => {
            let book = crate::report::registers::rule_book(&store.read(), ctx.today())?;
            print::output(json, &book.versions, || {
                for v in &book.versions {
                    let r = &v.rule;
                    println!(
                        "{:>4} {} ตั้งแต่ {} รอ {} วัน {}{}",
                        v.id,
                        r.category.name_th(),
                        crate::thai::date_short(r.effective_from, crate::thai::Digits::Arabic),
                        r.waiting_days,
                        if r.offered {
                            crate::render::registers::rule_amount_th(&r.amount)
                        } else {
                            "ไม่จัด".into()
                        },
                        if v.in_force { " (ใช้อยู่)" } else { "" },
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
                non_member_amount: text(&a.non_members),
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

fn claim(store: &mut Store, ctx: &Ctx, json: bool, c: ClaimCommand) -> Result<()> {
    match c {
        ClaimCommand::Open(a) => {
            let a = *a;
            let (claim, e) = ops::welfare::open_claim(
                store,
                ctx,
                &ops::welfare::ClaimInput {
                    // `-` stands for no member: the claim of a person named by --person-name
                    member_no: if a.member == "-" { String::new() } else { a.member },
                    category: a.category,
                    event_date: a.event_date,
                    days: a.days,
                    documents: a.documents,
                    note: a.note,
                    person: a.person_name.map(|name| crate::domain::non_member::PersonText {
                        name,
                        national_id: a.person_id.unwrap_or_default(),
                        moo: a.person_moo.unwrap_or_default(),
                        birth_date: a.person_birth_date.unwrap_or_default(),
                        disabled_or_disadvantaged: a.person_disabled,
                        payee_name: a.person_payee.unwrap_or_default(),
                        payee_relation: a.person_payee_relation.unwrap_or_default(),
                    }),
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
                a.amount
                    .as_deref()
                    .map(|t| Input::amount("amount", t, crate::domain::money::Sign::Positive))
                    .transpose()?
                    .as_ref(),
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
            let r = ops::welfare::pay_claim(
                store,
                ctx,
                a.claim,
                &Input::day_or("date", a.date.as_deref(), ctx.today())?,
                &Input::till(&a.till)?,
            )?;
            print::output(json, &r, || print::posted(&r));
        }
        ClaimCommand::List { status } => {
            let claims = ops::welfare::recent_claims(store, status.as_deref(), usize::MAX)?;
            print::output(json, &claims, || {
                for l in claims.iter().rev() {
                    let c = &l.claim;
                    let category = crate::domain::welfare::Category::parse(&c.category)
                        .map(|k| k.name_th())
                        .unwrap_or(&c.category);
                    let event = crate::domain::date::parse(&c.event_date)
                        .map(|d| crate::thai::date_short(d, crate::thai::Digits::Arabic))
                        .unwrap_or_else(|_| c.event_date.clone());
                    let who = if l.non_member {
                        format!("ไม่ใช่สมาชิก {}", l.member_name)
                    } else {
                        format!("สมาชิก {} {}", l.member_no, l.member_name)
                    };
                    println!(
                        "{:>5} {who} {category} {event} {} {} บาท",
                        c.id,
                        crate::domain::welfare::claim_status_th(&c.status),
                        c.approved_amount.unwrap_or(c.evaluated).display()
                    );
                }
            });
        }
    }
    Ok(())
}

fn matching(store: &mut Store, ctx: &Ctx, json: bool, c: MatchingCommand) -> Result<()> {
    match c {
        MatchingCommand::Receive { source, amount, round, date, till } => {
            let r = ops::matching::receive_matching(
                store,
                ctx,
                ops::matching::MatchingSource::parse(&source)?,
                &round,
                &Input::amount("amount", &amount, crate::domain::money::Sign::Positive)?,
                &Input::day_or("date", date.as_deref(), ctx.today())?,
                &Input::till(&till)?,
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
                for c in &r.programme {
                    println!("  {} {} : {}", c.mark(), c.th, c.evidence_th);
                }
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
        MatchingCommand::Programme { setting, value, from, source } => {
            let s = ops::matching::set_programme(
                store,
                ctx,
                &setting,
                &value,
                &Input::day_or("effective_on", from.as_deref(), ctx.today())?,
                &source,
            )?;
            print::output(json, &s, || {
                let from = crate::thai::date_long(s.effective_from, crate::thai::Digits::Arabic);
                println!("บันทึกแล้ว: {} = {} ตั้งแต่ {from}", s.key.name_th(), s.key.show(s.value));
            });
        }
        MatchingCommand::Programmes => {
            let p = ops::matching::programme(&store.read(), ctx.today())?;
            print::output(json, &p, || {
                for s in [&p.counting_day, &p.rounds_cap, &p.administration_share] {
                    let value = s.key.show(s.value);
                    if s.recorded {
                        let from =
                            crate::thai::date_long(s.effective_from, crate::thai::Digits::Arabic);
                        println!("{} = {value} (ตั้งแต่ {from}; {})", s.key.name_th(), s.source);
                    } else {
                        println!(
                            "{} = {value} (ค่าเริ่มต้นของโปรแกรม ยังไม่ได้บันทึกค่าของโครงการ)",
                            s.key.name_th()
                        );
                    }
                }
            });
        }
    }
    Ok(())
}

#[derive(Subcommand, Debug)]
pub enum RuleCommand {
    /// The rules, every version.
    List,
    /// Add a rule version (from --from on; the older version stays for older events).
    Add(Box<RuleAddArgs>),
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
    /// Baht per event for a person in the community who is not a member (default: the
    /// version covers members only).
    #[arg(long)]
    pub non_members: Option<String>,
    #[arg(long)]
    pub resolution: Option<i64>,
}

#[derive(Subcommand, Debug)]
pub enum ClaimCommand {
    Open(Box<ClaimOpenArgs>),
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
    /// The member's number, or `-` for a person who is not a member (--person-name ...).
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
    /// A person in the community who is not a member: their name (the member is then `-`).
    #[arg(long)]
    pub person_name: Option<String>,
    /// Their national ID (kept only as a keyed hash).
    #[arg(long)]
    pub person_id: Option<String>,
    /// Their village (หมู่).
    #[arg(long)]
    pub person_moo: Option<String>,
    #[arg(long)]
    pub person_birth_date: Option<String>,
    /// They are disabled or disadvantaged (for the disability benefit).
    #[arg(long)]
    pub person_disabled: bool,
    /// Who receives the money for them (a death benefit: the heir), and how related.
    #[arg(long)]
    pub person_payee: Option<String>,
    #[arg(long)]
    pub person_payee_relation: Option<String>,
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
    /// Record a setting of the support programme from a day on, with its source:
    /// `counting_day` (day/month, e.g. 30/9), `rounds_cap` (rounds a member is matched at
    /// most) or `administration_share` (percent).
    Programme {
        setting: String,
        value: String,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        source: String,
    },
    /// The support programme's settings in force today, with their sources.
    Programmes,
}
