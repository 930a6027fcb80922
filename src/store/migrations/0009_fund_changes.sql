-- Every change to the fund's profile after it was created (its names, its address, the
-- entrance fee, the lapse rule, Thai digits): the profile before and after as JSON, why, who
-- and when. Kept as it was, like the journal.
CREATE TABLE fund_change (
    id          INTEGER PRIMARY KEY,
    before_json TEXT NOT NULL,
    after_json  TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE TRIGGER fund_change_no_update BEFORE UPDATE ON fund_change
BEGIN SELECT RAISE(ABORT, 'kongthun: a change of the fund profile is kept as it was'); END;
CREATE TRIGGER fund_change_no_delete BEFORE DELETE ON fund_change
BEGIN SELECT RAISE(ABORT, 'kongthun: a change of the fund profile is kept as it was'); END;
