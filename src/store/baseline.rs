//! Baselines for the benchmarks (issue 7), kept here because SQL lives only in the store:
//! the bare SQL aggregate over the same postings our reports read, and the same rows our
//! writes produce, read back and inserted bare (prepared INSERTs in one transaction, no
//! checks, no hashing, no derived totals). The app never calls these.

use crate::error::Result;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, ToSql};

/// Rows of one table, as stored.
pub struct BareTable {
    pub table: &'static str,
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

/// The rows one operation wrote, table by table, in insertion order.
pub struct BareRows {
    pub tables: Vec<BareTable>,
}

impl BareRows {
    pub fn row_count(&self) -> usize {
        self.tables.iter().map(|t| t.rows.len()).sum()
    }
}

fn select(
    conn: &Connection,
    table: &'static str,
    filter: &str,
    params: &[&dyn ToSql],
) -> Result<BareTable> {
    let mut stmt = conn.prepare(&format!("SELECT * FROM {table} WHERE {filter}"))?;
    let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
    let n = columns.len();
    let rows = stmt
        .query_map(params, |r| {
            (0..n).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>()
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(BareTable { table, columns, rows })
}

/// Insert `rows` bare into `conn` in one transaction (INSERT OR REPLACE, so rows that an
/// operation updated, such as monthly totals or a fund's members, land as they ended).
pub fn insert(conn: &mut Connection, rows: &BareRows) -> Result<()> {
    let tx = conn.transaction()?;
    for t in &rows.tables {
        let placeholders = vec!["?"; t.columns.len()].join(", ");
        let sql = format!(
            "INSERT OR REPLACE INTO {} ({}) VALUES ({placeholders})",
            t.table,
            t.columns.join(", ")
        );
        let mut stmt = tx.prepare(&sql)?;
        for row in &t.rows {
            stmt.execute(params_from_iter(row.iter()))?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// The months of the entries after `?1`: the kept figures a write touched.
const MONTHS_TOUCHED: &str =
    "month IN (SELECT DISTINCT substr(entry_date, 1, 7) FROM journal_entry WHERE id > ?1)";

/// What a fund's write produced after journal entry `after_entry`: its entries, postings and
/// contribution rows, the monthly totals and money of the months it touched, the document
/// counters.
pub fn fund_rows_after(conn: &Connection, after_entry: i64) -> Result<BareRows> {
    Ok(BareRows {
        tables: vec![
            select(conn, "journal_entry", "id > ?1 ORDER BY id", &[&after_entry])?,
            select(conn, "posting", "entry_id > ?1 ORDER BY entry_id, line", &[&after_entry])?,
            select(conn, "contribution", "entry_id > ?1 ORDER BY entry_id", &[&after_entry])?,
            select(conn, "account_month", MONTHS_TOUCHED, &[&after_entry])?,
            select(conn, "cash_month", MONTHS_TOUCHED, &[&after_entry])?,
            select(conn, "cash_month_apart", MONTHS_TOUCHED, &[&after_entry])?,
            select(conn, "doc_sequence", "1", &[])?,
        ],
    })
}

/// Everything a migration wrote into an empty fund: its start, members and their status history, the
/// carried history, loans, the opening entry with its postings, monthly totals and money.
pub fn migration_rows(conn: &Connection) -> Result<BareRows> {
    let mut tables = Vec::new();
    for table in [
        "fund",
        "member",
        "member_status",
        "carried_contribution",
        "carried_welfare",
        "carried_matching",
        "journal_entry",
        "posting",
        "loan",
        "account_month",
        "cash_month",
        "cash_month_apart",
        "doc_sequence",
    ] {
        tables.push(select(conn, table, "1", &[])?);
    }
    Ok(BareRows { tables })
}

/// Id of the newest journal entry (0 for none).
pub fn last_entry_id(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT coalesce(max(id), 0) FROM journal_entry", [], |r| r.get(0))?)
}

/// What importing bundle `seq` of `fund` wrote into a province database: its entries and
/// postings (the bundle's id range), the fund's members and claims as they stand, the bundle
/// row, the bundle's file and the fund's registry row.
pub fn province_rows_of_bundle(conn: &Connection, fund: &str, seq: i64) -> Result<BareRows> {
    let (before, carried): (i64, i64) = conn.query_row(
        "SELECT coalesce(sum(CASE WHEN seq < ?2 THEN entries END), 0), coalesce(sum(CASE WHEN seq = ?2 THEN entries END), 0)
         FROM p_bundle WHERE fund_code = ?1",
        rusqlite::params![fund, seq],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let last = before + carried;
    Ok(BareRows {
        tables: vec![
            select(conn, "p_member", "fund_code = ?1", &[&fund])?,
            select(
                conn,
                "p_entry",
                "fund_code = ?1 AND entry_id > ?2 AND entry_id <= ?3 ORDER BY entry_id",
                &[&fund, &before, &last],
            )?,
            select(
                conn,
                "p_posting",
                "fund_code = ?1 AND entry_id > ?2 AND entry_id <= ?3 ORDER BY entry_id, line",
                &[&fund, &before, &last],
            )?,
            select(conn, "p_claim", "fund_code = ?1", &[&fund])?,
            select(conn, "p_bundle", "fund_code = ?1 AND seq = ?2", &[&fund, &seq])?,
            select(conn, "p_bundle_file", "fund_code = ?1 AND seq = ?2", &[&fund, &seq])?,
            select(conn, "p_fund", "code = ?1", &[&fund])?,
        ],
    })
}

/// Every imported bundle of a province database, in the order they were imported.
pub fn province_bundles(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut stmt =
        conn.prepare("SELECT fund_code, seq FROM p_bundle ORDER BY imported_at, fund_code, seq")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The bare aggregate: each account's balance (debits positive) over every posting dated on
/// or before `as_of`, straight from the postings.
pub fn balances(conn: &Connection, as_of: &str) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT p.account_code, sum(p.amount) FROM posting p JOIN journal_entry e ON e.id = p.entry_id
         WHERE e.entry_date <= ?1 GROUP BY p.account_code ORDER BY p.account_code",
    )?;
    let rows = stmt
        .query_map([as_of], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The bare aggregate for one span: each account's debits and credits over the postings
/// dated in [from, to].
pub fn span_totals(conn: &Connection, from: &str, to: &str) -> Result<Vec<(String, i64, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT p.account_code, sum(max(p.amount, 0)), sum(max(-p.amount, 0)) FROM posting p JOIN journal_entry e ON e.id = p.entry_id
         WHERE e.entry_date BETWEEN ?1 AND ?2 GROUP BY p.account_code ORDER BY p.account_code",
    )?;
    let rows = stmt
        .query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The floor under verifying the chain: one sequential read of the same rows (every entry in
/// id order, then every posting in entry and line order) and SHA-256 over the same bytes, as
/// one running hash — no per-entry checks, no chain, no monthly totals. Gives the rows read
/// and a digest (so nothing is optimised away).
pub fn chain_floor(conn: &Connection) -> Result<(i64, [u8; 32])> {
    use rusqlite::types::ValueRef;
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let mut n = 0i64;
    for sql in [super::journal::CHAIN_ENTRIES, super::journal::CHAIN_POSTINGS] {
        let mut stmt = conn.prepare(sql)?;
        let columns = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            for i in 0..columns {
                match r.get_ref(i)? {
                    ValueRef::Text(t) | ValueRef::Blob(t) => h.update(t),
                    ValueRef::Integer(v) => h.update(v.to_be_bytes()),
                    _ => {}
                }
            }
            n += 1;
        }
    }
    Ok((n, h.finalize().into()))
}

/// Open a database file the way the store does (WAL, synchronous=FULL, foreign keys), but
/// as a bare connection: no migrations, no checks.
pub fn open(path: &std::path::Path) -> Result<Connection> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}
