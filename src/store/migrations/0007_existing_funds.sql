-- Kongthun schema v7: a fund brought in from paper or Excel. The fund knows when it was
-- really founded and the first day its books are kept here; nothing is dated before that
-- day. An opening entry carries the balances; the tables below carry each member's history
-- that the fund's rules look back on (contributions paid, welfare received, matching
-- rounds), so every rule treats it as if it had been recorded here.

ALTER TABLE fund ADD COLUMN founded_on TEXT;
ALTER TABLE fund ADD COLUMN books_start TEXT;
ALTER TABLE fund ADD COLUMN founding_note TEXT NOT NULL DEFAULT '';
-- A book made before v7 started on the day it was set up, or its first entry if earlier.
UPDATE fund SET books_start = min(date(created_at, '+7 hours'),
                                  COALESCE((SELECT min(entry_date) FROM journal_entry), '9999-12-31'));
UPDATE fund SET founded_on = min(books_start, COALESCE((SELECT min(joined_on) FROM member), '9999-12-31'));

CREATE TRIGGER journal_entry_after_books_start BEFORE INSERT ON journal_entry
WHEN NEW.entry_date < (SELECT books_start FROM fund WHERE id = 1)
BEGIN SELECT RAISE(ABORT, 'kongthun: the entry is dated before the books start'); END;

-- Contribution periods a member had paid before the books start (from `paid_through`), and
-- whether the entrance fee was paid.
CREATE TABLE carried_contribution (
    member_id         INTEGER PRIMARY KEY REFERENCES member (id),
    periods           INTEGER NOT NULL CHECK (periods >= 0),
    paid_through      TEXT,
    entrance_fee_paid INTEGER NOT NULL CHECK (entrance_fee_paid IN (0, 1))
);

-- Welfare received before the books start, as far back as the rules' caps look.
CREATE TABLE carried_welfare (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES member (id),
    category   TEXT NOT NULL,
    event_date TEXT NOT NULL,
    amount     INTEGER NOT NULL CHECK (amount > 0)
);
CREATE INDEX carried_welfare_member ON carried_welfare (member_id, category, event_date);

-- Matching rounds a member was counted in before the books start.
CREATE TABLE carried_matching (
    member_id   INTEGER NOT NULL REFERENCES member (id),
    source      TEXT NOT NULL CHECK (source IN ('government', 'local', 'codi', 'other')),
    round       TEXT NOT NULL,
    received_on TEXT NOT NULL,
    PRIMARY KEY (member_id, source, round)
) WITHOUT ROWID;

CREATE TRIGGER carried_contribution_fixed BEFORE UPDATE ON carried_contribution
BEGIN SELECT RAISE(ABORT, 'kongthun: carried history is corrected by reversing the opening entry'); END;
CREATE TRIGGER carried_contribution_kept BEFORE DELETE ON carried_contribution
BEGIN SELECT RAISE(ABORT, 'kongthun: carried history is corrected by reversing the opening entry'); END;
CREATE TRIGGER carried_welfare_fixed BEFORE UPDATE ON carried_welfare
BEGIN SELECT RAISE(ABORT, 'kongthun: carried history is corrected by reversing the opening entry'); END;
CREATE TRIGGER carried_welfare_kept BEFORE DELETE ON carried_welfare
BEGIN SELECT RAISE(ABORT, 'kongthun: carried history is corrected by reversing the opening entry'); END;
CREATE TRIGGER carried_matching_fixed BEFORE UPDATE ON carried_matching
BEGIN SELECT RAISE(ABORT, 'kongthun: carried history is corrected by reversing the opening entry'); END;
CREATE TRIGGER carried_matching_kept BEFORE DELETE ON carried_matching
BEGIN SELECT RAISE(ABORT, 'kongthun: carried history is corrected by reversing the opening entry'); END;

-- Loans carried in all point at the one opening entry, so a loan's entry is no longer unique.
CREATE TABLE loan_v7 (
    id             INTEGER PRIMARY KEY,
    member_id      INTEGER NOT NULL REFERENCES member (id),
    principal      INTEGER NOT NULL CHECK (principal > 0),
    rate_bp        INTEGER NOT NULL CHECK (rate_bp >= 0),
    method         TEXT NOT NULL CHECK (method IN ('flat', 'declining')),
    term_months    INTEGER NOT NULL CHECK (term_months > 0),
    start_date     TEXT NOT NULL,
    guarantors     TEXT NOT NULL DEFAULT '',
    entry_id       INTEGER NOT NULL REFERENCES journal_entry (id),
    resolution_id  INTEGER REFERENCES resolution (id)
);
INSERT INTO loan_v7 SELECT id, member_id, principal, rate_bp, method, term_months, start_date, guarantors, entry_id, resolution_id FROM loan;
DROP TABLE loan;
ALTER TABLE loan_v7 RENAME TO loan;
CREATE INDEX loan_entry ON loan (entry_id);
CREATE TRIGGER loan_no_update BEFORE UPDATE ON loan
BEGIN SELECT RAISE(ABORT, 'kongthun: a loan is final'); END;
