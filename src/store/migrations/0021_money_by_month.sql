-- Kongthun schema v21: each month's money as the statement shows it, kept beside the monthly
-- account totals in the same transaction as the postings (the store adds to it as it posts
-- each entry; `verify` sums it again from the postings).
--
-- The monthly statement's receipts and payments are the other side of the entries that moved
-- a till (cash on hand or a bank account); entries with no till in them moved no money and
-- are counted apart; an opening entry (a fund brought in from paper) brings its cash and
-- bank forward instead. Reading a month's entries for that took 5 to 16 ms a month on the
-- 20-year demo, and the yearly report reads twelve; these two tables are read in well under
-- a millisecond. A till stays a till: no account's cash kind is ever changed.

-- The other side of the month's money entries, by account: debits and credits as posted.
CREATE TABLE cash_month (
    month        TEXT NOT NULL,
    account_code TEXT NOT NULL,
    debit        INTEGER NOT NULL DEFAULT 0,
    credit       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, account_code)
) WITHOUT ROWID;

-- What the month counts apart: entries that moved no money, and the cash and bank an
-- opening entry brought forward (satang). A month with neither needs no row (read as zero).
CREATE TABLE cash_month_apart (
    month                TEXT PRIMARY KEY,
    entries_without_cash INTEGER NOT NULL DEFAULT 0,
    brought_forward      INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- The books so far, summed once the same way (one pass over the postings in entry order).
CREATE TEMP TABLE till_of_entry AS
    SELECT p.entry_id AS entry_id, sum(p.amount) AS amount
    FROM posting p
    WHERE p.account_code IN (SELECT code FROM account WHERE cash_kind IS NOT NULL)
    GROUP BY p.entry_id;

INSERT INTO cash_month (month, account_code, debit, credit)
    SELECT substr(e.entry_date, 1, 7), p.account_code,
           sum(CASE WHEN p.amount > 0 THEN p.amount ELSE 0 END),
           sum(CASE WHEN p.amount > 0 THEN 0 ELSE -p.amount END)
    FROM till_of_entry t
    JOIN journal_entry e ON e.id = t.entry_id
    JOIN posting p ON p.entry_id = t.entry_id
    WHERE e.kind <> 'opening_balance'
      AND p.account_code NOT IN (SELECT code FROM account WHERE cash_kind IS NOT NULL)
    GROUP BY 1, 2;

INSERT INTO cash_month_apart (month, entries_without_cash, brought_forward)
    SELECT substr(e.entry_date, 1, 7),
           sum(e.kind <> 'opening_balance' AND t.entry_id IS NULL),
           coalesce(sum(CASE WHEN e.kind = 'opening_balance' THEN t.amount END), 0)
    FROM journal_entry e
    LEFT JOIN till_of_entry t ON t.entry_id = e.id
    WHERE e.kind = 'opening_balance' OR t.entry_id IS NULL
    GROUP BY 1;

DROP TABLE till_of_entry;
