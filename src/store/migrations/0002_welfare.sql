-- Kongthun schema v2: welfare rules and claims, committee and meetings, matching rounds,
-- savings-group loans and the year-end profit allocation.

-- Accounts for loans and the allocation of a year's profit (added where the fund keeps them).
INSERT OR IGNORE INTO account (code, name_th, name_en, class, cash_kind, welfare_category, system, created_at)
SELECT v.code, v.th, v.en, v.class, NULL, NULL, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM (SELECT '2102' AS code, 'เงินปันผลและเฉลี่ยคืนค้างจ่าย' AS th, 'Dividends and refunds payable' AS en, 'liability' AS class
      UNION ALL SELECT '2103', 'เงินจัดสรรเพื่อสวัสดิการสมาชิก', 'Allocated to members'' welfare', 'liability'
      UNION ALL SELECT '2104', 'ค่าตอบแทนกรรมการค้างจ่าย', 'Committee compensation payable', 'liability'
      UNION ALL SELECT '2105', 'เงินจัดสรรเพื่อสาธารณประโยชน์', 'Allocated to public benefit', 'liability'
      UNION ALL SELECT '3104', 'กำไรที่จัดสรรแล้ว', 'Profit allocated', 'equity') AS v
WHERE EXISTS (SELECT 1 FROM account WHERE code = '2101');

CREATE TABLE welfare_rule (
    id                  INTEGER PRIMARY KEY,
    category            TEXT NOT NULL,
    effective_from      TEXT NOT NULL,
    offered             INTEGER NOT NULL DEFAULT 1,
    waiting_days        INTEGER NOT NULL DEFAULT 0 CHECK (waiting_days >= 0),
    amount_kind         TEXT NOT NULL CHECK (amount_kind IN ('fixed', 'per_day', 'tiered')),
    amount              INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
    cap_per_event       INTEGER CHECK (cap_per_event > 0),
    cap_per_year        INTEGER CHECK (cap_per_year > 0),
    max_claims_per_year INTEGER CHECK (max_claims_per_year > 0),
    tiers               TEXT NOT NULL DEFAULT '',
    require_up_to_date  INTEGER NOT NULL DEFAULT 1,
    documents           TEXT NOT NULL DEFAULT '',
    resolution_id       INTEGER REFERENCES resolution (id),
    recorded_by         TEXT NOT NULL,
    recorded_at         TEXT NOT NULL,
    UNIQUE (category, effective_from)
);

CREATE TABLE committee_term (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member (id),
    role      TEXT NOT NULL CHECK (role IN ('chair', 'vice_chair', 'treasurer', 'secretary', 'member', 'auditor')),
    term_from TEXT NOT NULL,
    term_to   TEXT NOT NULL,
    CHECK (term_to >= term_from)
);

CREATE TABLE meeting (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('committee', 'general')),
    number        INTEGER NOT NULL,
    be_year       INTEGER NOT NULL,
    held_on       TEXT NOT NULL,
    place         TEXT NOT NULL DEFAULT '',
    eligible      INTEGER NOT NULL CHECK (eligible > 0),
    minutes       TEXT NOT NULL DEFAULT '',
    approved_at   INTEGER REFERENCES meeting (id),
    locked        INTEGER NOT NULL DEFAULT 0,
    recorded_by   TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    UNIQUE (kind, be_year, number)
);

CREATE TABLE attendance (
    meeting_id INTEGER NOT NULL REFERENCES meeting (id),
    member_id  INTEGER NOT NULL REFERENCES member (id),
    PRIMARY KEY (meeting_id, member_id)
) WITHOUT ROWID;

CREATE TABLE agenda_item (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting (id),
    item_no    INTEGER NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, item_no)
);

CREATE TABLE resolution (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meeting (id),
    seq           INTEGER NOT NULL,
    agenda_no     INTEGER,
    kind          TEXT NOT NULL CHECK (kind IN ('claim', 'expense', 'rule', 'admission', 'other')),
    subject       TEXT NOT NULL,
    votes_for     INTEGER NOT NULL CHECK (votes_for >= 0),
    votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
    abstain       INTEGER NOT NULL CHECK (abstain >= 0),
    passed        INTEGER NOT NULL,
    recorded_by   TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    UNIQUE (meeting_id, seq)
);

CREATE TABLE claim (
    id              INTEGER PRIMARY KEY,
    member_id       INTEGER NOT NULL REFERENCES member (id),
    category        TEXT NOT NULL,
    event_date      TEXT NOT NULL,
    days            INTEGER CHECK (days >= 0),
    documents       TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'rejected', 'paid')),
    eligible        INTEGER NOT NULL,
    evaluated       INTEGER NOT NULL,
    evaluation      TEXT NOT NULL,
    rule_id         INTEGER REFERENCES welfare_rule (id),
    resolution_id   INTEGER REFERENCES resolution (id),
    approved_amount INTEGER,
    payout_entry_id INTEGER UNIQUE REFERENCES journal_entry (id),
    payee           TEXT,
    opened_by       TEXT NOT NULL,
    opened_at       TEXT NOT NULL
);
CREATE INDEX claim_member ON claim (member_id, category, event_date);

CREATE TABLE matching_round (
    id        INTEGER PRIMARY KEY,
    source    TEXT NOT NULL CHECK (source IN ('government', 'local', 'codi', 'other')),
    label     TEXT NOT NULL,
    entry_id  INTEGER NOT NULL UNIQUE REFERENCES journal_entry (id),
    UNIQUE (source, label)
);

CREATE TABLE matched_member (
    round_id  INTEGER NOT NULL REFERENCES matching_round (id),
    member_id INTEGER NOT NULL REFERENCES member (id),
    PRIMARY KEY (round_id, member_id)
) WITHOUT ROWID;

CREATE TABLE loan (
    id             INTEGER PRIMARY KEY,
    member_id      INTEGER NOT NULL REFERENCES member (id),
    principal      INTEGER NOT NULL CHECK (principal > 0),
    rate_bp        INTEGER NOT NULL CHECK (rate_bp >= 0),
    method         TEXT NOT NULL CHECK (method IN ('flat', 'declining')),
    term_months    INTEGER NOT NULL CHECK (term_months > 0),
    start_date     TEXT NOT NULL,
    guarantors     TEXT NOT NULL DEFAULT '',
    entry_id       INTEGER NOT NULL UNIQUE REFERENCES journal_entry (id),
    resolution_id  INTEGER REFERENCES resolution (id)
);

CREATE TABLE loan_repayment (
    entry_id  INTEGER PRIMARY KEY REFERENCES journal_entry (id),
    loan_id   INTEGER NOT NULL REFERENCES loan (id),
    principal INTEGER NOT NULL CHECK (principal >= 0),
    interest  INTEGER NOT NULL CHECK (interest >= 0)
);
CREATE INDEX loan_repayment_loan ON loan_repayment (loan_id);

CREATE TABLE allocation (
    year     INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL UNIQUE REFERENCES journal_entry (id),
    parts    TEXT NOT NULL
);

-- Rules are versioned, never edited: a change is a new version with a later date.
CREATE TRIGGER welfare_rule_no_update BEFORE UPDATE ON welfare_rule
BEGIN SELECT RAISE(ABORT, 'kongthun: welfare rules are versioned; add a new version'); END;
CREATE TRIGGER welfare_rule_no_delete BEFORE DELETE ON welfare_rule
BEGIN SELECT RAISE(ABORT, 'kongthun: welfare rules are versioned; add a new version'); END;

-- A paid claim is final.
CREATE TRIGGER claim_paid_final BEFORE UPDATE ON claim WHEN OLD.status = 'paid'
BEGIN SELECT RAISE(ABORT, 'kongthun: a paid claim cannot be changed'); END;
CREATE TRIGGER claim_no_delete BEFORE DELETE ON claim
BEGIN SELECT RAISE(ABORT, 'kongthun: claims are never deleted'); END;

-- Approved minutes are locked like entries.
CREATE TRIGGER meeting_locked BEFORE UPDATE ON meeting WHEN OLD.locked = 1
BEGIN SELECT RAISE(ABORT, 'kongthun: approved minutes are locked'); END;
CREATE TRIGGER meeting_no_delete BEFORE DELETE ON meeting
BEGIN SELECT RAISE(ABORT, 'kongthun: meetings are never deleted'); END;
CREATE TRIGGER attendance_locked BEFORE INSERT ON attendance
WHEN (SELECT locked FROM meeting WHERE id = NEW.meeting_id) = 1
BEGIN SELECT RAISE(ABORT, 'kongthun: approved minutes are locked'); END;
CREATE TRIGGER attendance_no_delete BEFORE DELETE ON attendance
WHEN (SELECT locked FROM meeting WHERE id = OLD.meeting_id) = 1
BEGIN SELECT RAISE(ABORT, 'kongthun: approved minutes are locked'); END;
CREATE TRIGGER agenda_locked BEFORE INSERT ON agenda_item
WHEN (SELECT locked FROM meeting WHERE id = NEW.meeting_id) = 1
BEGIN SELECT RAISE(ABORT, 'kongthun: approved minutes are locked'); END;
CREATE TRIGGER agenda_no_update BEFORE UPDATE ON agenda_item
WHEN (SELECT locked FROM meeting WHERE id = OLD.meeting_id) = 1
BEGIN SELECT RAISE(ABORT, 'kongthun: approved minutes are locked'); END;
CREATE TRIGGER resolution_locked BEFORE INSERT ON resolution
WHEN (SELECT locked FROM meeting WHERE id = NEW.meeting_id) = 1
BEGIN SELECT RAISE(ABORT, 'kongthun: approved minutes are locked'); END;
CREATE TRIGGER resolution_no_update BEFORE UPDATE ON resolution
BEGIN SELECT RAISE(ABORT, 'kongthun: resolutions cannot be changed'); END;
CREATE TRIGGER resolution_no_delete BEFORE DELETE ON resolution
BEGIN SELECT RAISE(ABORT, 'kongthun: resolutions cannot be deleted'); END;
CREATE TRIGGER loan_no_update BEFORE UPDATE ON loan
BEGIN SELECT RAISE(ABORT, 'kongthun: loans cannot be changed'); END;
CREATE TRIGGER loan_repayment_no_update BEFORE UPDATE ON loan_repayment
BEGIN SELECT RAISE(ABORT, 'kongthun: repayments cannot be changed'); END;
CREATE TRIGGER matched_no_delete BEFORE DELETE ON matched_member
BEGIN SELECT RAISE(ABORT, 'kongthun: matching records cannot be deleted'); END;
CREATE TRIGGER allocation_no_update BEFORE UPDATE ON allocation
BEGIN SELECT RAISE(ABORT, 'kongthun: an allocation is final'); END;
