-- Kongthun schema v1: the fund, its accounts, members, the journal and what guards it.
-- Money is INTEGER satang everywhere. Dates are ISO CE text. Posted rows are immutable:
-- the triggers at the end refuse UPDATE and DELETE even from a hand-opened sqlite3 shell.

CREATE TABLE fund (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    name_th           TEXT NOT NULL,
    name_en           TEXT NOT NULL DEFAULT '',
    kind              TEXT NOT NULL CHECK (kind IN ('welfare', 'savings', 'both')),
    fund_code         TEXT NOT NULL,
    village           TEXT NOT NULL DEFAULT '',
    moo               INTEGER,
    tambon            TEXT NOT NULL DEFAULT '',
    amphoe            TEXT NOT NULL DEFAULT '',
    changwat          TEXT NOT NULL DEFAULT '',
    fiscal_year_start INTEGER NOT NULL CHECK (fiscal_year_start BETWEEN 1 AND 12),
    schedule          TEXT NOT NULL CHECK (schedule IN ('daily', 'monthly', 'yearly')),
    contribution      INTEGER NOT NULL CHECK (contribution > 0),
    entrance_fee      INTEGER NOT NULL DEFAULT 0 CHECK (entrance_fee >= 0),
    lapse_after       INTEGER NOT NULL DEFAULT 0 CHECK (lapse_after >= 0),
    thai_digits       INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL
);

CREATE TABLE account (
    code             TEXT PRIMARY KEY,
    name_th          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    class            TEXT NOT NULL CHECK (class IN ('asset', 'liability', 'equity', 'income', 'expense')),
    cash_kind        TEXT CHECK (cash_kind IN ('cash', 'bank')),
    welfare_category TEXT,
    system           INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE member (
    id                      INTEGER PRIMARY KEY,
    member_no               TEXT NOT NULL UNIQUE,
    title                   TEXT NOT NULL,
    first_name              TEXT NOT NULL,
    last_name               TEXT NOT NULL,
    national_id             TEXT,
    birth_date              TEXT,
    sex                     TEXT CHECK (sex IN ('M', 'F')),
    moo                     INTEGER,
    address                 TEXT,
    phone                   TEXT,
    joined_on               TEXT NOT NULL,
    status                  TEXT NOT NULL DEFAULT 'active'
                            CHECK (status IN ('active', 'lapsed', 'resigned', 'deceased', 'expelled')),
    status_since            TEXT NOT NULL,
    groups                  TEXT NOT NULL DEFAULT '',
    beneficiary_name        TEXT,
    beneficiary_relation    TEXT,
    beneficiary_national_id TEXT,
    created_at              TEXT NOT NULL
);
CREATE UNIQUE INDEX member_national_id ON member (national_id) WHERE national_id IS NOT NULL;
CREATE INDEX member_first_name ON member (first_name);
CREATE INDEX member_last_name ON member (last_name);

-- Every status a member has had, with who decided it and why.
CREATE TABLE member_status (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES member (id),
    status       TEXT NOT NULL,
    effective_on TEXT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX member_status_member ON member_status (member_id, id);

-- Every edit of a member's details: the fields before and after, as JSON.
CREATE TABLE member_change (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES member (id),
    before_json TEXT NOT NULL,
    after_json  TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

CREATE TABLE journal_entry (
    id          INTEGER PRIMARY KEY,
    entry_date  TEXT NOT NULL,
    doc_no      TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    member_id   INTEGER REFERENCES member (id),
    reverses    INTEGER UNIQUE REFERENCES journal_entry (id),
    description TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    hash        BLOB NOT NULL CHECK (length(hash) = 32)
);
CREATE INDEX journal_entry_date ON journal_entry (entry_date);
CREATE INDEX journal_entry_member ON journal_entry (member_id) WHERE member_id IS NOT NULL;

-- Debit positive, credit negative; the lines of one entry sum to zero.
CREATE TABLE posting (
    entry_id     INTEGER NOT NULL REFERENCES journal_entry (id),
    line         INTEGER NOT NULL,
    account_code TEXT NOT NULL REFERENCES account (code),
    amount       INTEGER NOT NULL CHECK (amount <> 0),
    member_id    INTEGER REFERENCES member (id),
    PRIMARY KEY (entry_id, line)
) WITHOUT ROWID;
CREATE INDEX posting_member ON posting (member_id, account_code) WHERE member_id IS NOT NULL;

-- Contribution periods paid by an entry (payments fill a member's periods in order).
CREATE TABLE contribution (
    entry_id  INTEGER PRIMARY KEY REFERENCES journal_entry (id),
    member_id INTEGER NOT NULL REFERENCES member (id),
    periods   INTEGER NOT NULL CHECK (periods > 0),
    amount    INTEGER NOT NULL CHECK (amount > 0)
);
CREATE INDEX contribution_member ON contribution (member_id);

-- Debits and credits per account per month, kept by trigger in the same transaction as the
-- postings, so that trial balances and monthly totals never scan millions of postings.
-- `verify` recomputes it from the postings.
CREATE TABLE account_month (
    account_code TEXT NOT NULL,
    month        TEXT NOT NULL,
    debit        INTEGER NOT NULL DEFAULT 0,
    credit       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account_code, month)
) WITHOUT ROWID;

CREATE TABLE closed_month (
    month       TEXT PRIMARY KEY,
    closed_at   TEXT NOT NULL,
    closed_by   TEXT NOT NULL,
    last_entry  INTEGER NOT NULL,
    chain_head  BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE doc_sequence (
    prefix TEXT NOT NULL,
    year   INTEGER NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
) WITHOUT ROWID;

CREATE TABLE backup_log (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL,
    made_at     TEXT NOT NULL,
    last_entry  INTEGER NOT NULL
);

CREATE TRIGGER posting_month_totals AFTER INSERT ON posting
BEGIN
    INSERT INTO account_month (account_code, month, debit, credit)
    VALUES (NEW.account_code,
            (SELECT substr(entry_date, 1, 7) FROM journal_entry WHERE id = NEW.entry_id),
            max(NEW.amount, 0), max(-NEW.amount, 0))
    ON CONFLICT (account_code, month) DO UPDATE
        SET debit = debit + excluded.debit, credit = credit + excluded.credit;
END;

-- Invariant 4: no entry may be dated in a closed month.
CREATE TRIGGER journal_entry_open_month BEFORE INSERT ON journal_entry
WHEN substr(NEW.entry_date, 1, 7) <= (SELECT max(month) FROM closed_month)
BEGIN
    SELECT RAISE(ABORT, 'kongthun: the month of this entry is closed');
END;

-- Invariant 2: posted rows are never updated or deleted.
CREATE TRIGGER journal_entry_no_update BEFORE UPDATE ON journal_entry
BEGIN SELECT RAISE(ABORT, 'kongthun: posted journal entries cannot be changed; post a reversal'); END;
CREATE TRIGGER journal_entry_no_delete BEFORE DELETE ON journal_entry
BEGIN SELECT RAISE(ABORT, 'kongthun: posted journal entries cannot be deleted; post a reversal'); END;
CREATE TRIGGER posting_no_update BEFORE UPDATE ON posting
BEGIN SELECT RAISE(ABORT, 'kongthun: posted lines cannot be changed; post a reversal'); END;
CREATE TRIGGER posting_no_delete BEFORE DELETE ON posting
BEGIN SELECT RAISE(ABORT, 'kongthun: posted lines cannot be deleted; post a reversal'); END;
CREATE TRIGGER contribution_no_update BEFORE UPDATE ON contribution
BEGIN SELECT RAISE(ABORT, 'kongthun: contribution records cannot be changed'); END;
CREATE TRIGGER contribution_no_delete BEFORE DELETE ON contribution
BEGIN SELECT RAISE(ABORT, 'kongthun: contribution records cannot be deleted'); END;
CREATE TRIGGER member_status_no_update BEFORE UPDATE ON member_status
BEGIN SELECT RAISE(ABORT, 'kongthun: status history cannot be changed'); END;
CREATE TRIGGER member_status_no_delete BEFORE DELETE ON member_status
BEGIN SELECT RAISE(ABORT, 'kongthun: status history cannot be deleted'); END;
CREATE TRIGGER member_change_no_update BEFORE UPDATE ON member_change
BEGIN SELECT RAISE(ABORT, 'kongthun: member change history cannot be changed'); END;
CREATE TRIGGER member_change_no_delete BEFORE DELETE ON member_change
BEGIN SELECT RAISE(ABORT, 'kongthun: member change history cannot be deleted'); END;
CREATE TRIGGER closed_month_no_update BEFORE UPDATE ON closed_month
BEGIN SELECT RAISE(ABORT, 'kongthun: a closed month stays closed'); END;
CREATE TRIGGER closed_month_no_delete BEFORE DELETE ON closed_month
BEGIN SELECT RAISE(ABORT, 'kongthun: a closed month stays closed'); END;
CREATE TRIGGER member_no_delete BEFORE DELETE ON member
BEGIN SELECT RAISE(ABORT, 'kongthun: members are never deleted; change their status'); END;
