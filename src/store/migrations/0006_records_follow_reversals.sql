-- Kongthun schema v6: a record that points at a journal entry follows it when the entry is
-- reversed. A claim whose payout is reversed goes back to approved and unpaid (so it can be
-- paid again); a matching round or a year's allocation whose entry is reversed no longer
-- counts, and the same round or year can be recorded again (one not reversed at a time,
-- checked by the operations; the old UNIQUE constraints would have refused the new one).
-- Loans and repayments whose entries are reversed are left out when read.

DROP TRIGGER claim_paid_final;
CREATE TRIGGER claim_paid_final BEFORE UPDATE ON claim WHEN OLD.status = 'paid'
    AND NOT (NEW.status = 'approved' AND NEW.payout_entry_id IS NULL
             AND EXISTS (SELECT 1 FROM journal_entry WHERE reverses = OLD.payout_entry_id))
BEGIN SELECT RAISE(ABORT, 'kongthun: a paid claim cannot be changed'); END;

CREATE TABLE matching_round_v6 (
    id        INTEGER PRIMARY KEY,
    source    TEXT NOT NULL CHECK (source IN ('government', 'local', 'codi', 'other')),
    label     TEXT NOT NULL,
    entry_id  INTEGER NOT NULL UNIQUE REFERENCES journal_entry (id)
);
INSERT INTO matching_round_v6 (id, source, label, entry_id) SELECT id, source, label, entry_id FROM matching_round;
DROP TABLE matching_round;
ALTER TABLE matching_round_v6 RENAME TO matching_round;
CREATE INDEX matching_round_label ON matching_round (source, label);

CREATE TABLE allocation_v6 (
    entry_id INTEGER PRIMARY KEY REFERENCES journal_entry (id),
    year     INTEGER NOT NULL,
    parts    TEXT NOT NULL
);
INSERT INTO allocation_v6 (entry_id, year, parts) SELECT entry_id, year, parts FROM allocation;
DROP TABLE allocation;
ALTER TABLE allocation_v6 RENAME TO allocation;
CREATE INDEX allocation_year ON allocation (year);
CREATE TRIGGER allocation_no_update BEFORE UPDATE ON allocation
BEGIN SELECT RAISE(ABORT, 'kongthun: an allocation is corrected by reversing its entry'); END;
