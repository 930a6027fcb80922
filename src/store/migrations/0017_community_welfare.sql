-- Kongthun schema v17: welfare for people in the community who are not members (the
-- guideline: «ดูแลสมาชิกและคนในชุมชน»). A rule version says whether it covers them and for
-- how much (a fixed amount per event; NULL: not covered). A claim is either a member's or a
-- non-member's: then it names the person, their village (หมู่) and the keyed hash of their
-- national ID (never the ID itself), with the birth date and group the rule may look at.
-- The claim table is rebuilt with its rows as they were, for member_id to be optional.

ALTER TABLE welfare_rule ADD COLUMN non_member_amount INTEGER CHECK (non_member_amount > 0);

DROP TRIGGER claim_paid_final;
DROP TRIGGER claim_no_delete;
DROP INDEX claim_member;
CREATE TABLE claim_17 (
    id              INTEGER PRIMARY KEY,
    member_id       INTEGER REFERENCES member (id),
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
    opened_at       TEXT NOT NULL,
    person_name     TEXT,
    person_id_hash  TEXT,
    person_moo      INTEGER CHECK (person_moo BETWEEN 1 AND 99),
    person_birth_date TEXT,
    person_disabled INTEGER NOT NULL DEFAULT 0,
    -- a member's claim, or a named person's with their keyed ID: never both, never neither
    CHECK ((member_id IS NULL) = (person_name IS NOT NULL AND person_id_hash IS NOT NULL)),
    CHECK (member_id IS NULL OR (person_name IS NULL AND person_id_hash IS NULL))
);
INSERT INTO claim_17 (id, member_id, category, event_date, days, documents, note, status, eligible, evaluated,
                      evaluation, rule_id, resolution_id, approved_amount, payout_entry_id, payee, opened_by, opened_at)
SELECT id, member_id, category, event_date, days, documents, note, status, eligible, evaluated,
       evaluation, rule_id, resolution_id, approved_amount, payout_entry_id, payee, opened_by, opened_at
FROM claim;
DROP TABLE claim;
ALTER TABLE claim_17 RENAME TO claim;
CREATE INDEX claim_member ON claim (member_id, category, event_date);
CREATE INDEX claim_person ON claim (person_id_hash, category, event_date) WHERE person_id_hash IS NOT NULL;
CREATE TRIGGER claim_paid_final BEFORE UPDATE ON claim WHEN OLD.status = 'paid'
    AND NOT (NEW.status = 'approved' AND NEW.payout_entry_id IS NULL
             AND EXISTS (SELECT 1 FROM journal_entry WHERE reverses = OLD.payout_entry_id))
BEGIN SELECT RAISE(ABORT, 'kongthun: a paid claim cannot be changed'); END;
CREATE TRIGGER claim_no_delete BEFORE DELETE ON claim
BEGIN SELECT RAISE(ABORT, 'kongthun: claims are never deleted'); END;
