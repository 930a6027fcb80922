-- The programme's counting day becomes a dated setting like its cap and administration
-- share: the table's list of names grows, so it is rebuilt with its rows as they were.
DROP TRIGGER programme_setting_no_update;
DROP TRIGGER programme_setting_no_delete;
CREATE TABLE programme_setting_16 (
    name           TEXT NOT NULL CHECK (name IN ('rounds_cap', 'administration_share', 'counting_day')),
    effective_from TEXT NOT NULL,
    value          INTEGER NOT NULL,
    source         TEXT NOT NULL,
    recorded_by    TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    PRIMARY KEY (name, effective_from)
);
INSERT INTO programme_setting_16 SELECT name, effective_from, value, source, recorded_by, recorded_at FROM programme_setting;
DROP TABLE programme_setting;
ALTER TABLE programme_setting_16 RENAME TO programme_setting;
CREATE TRIGGER programme_setting_no_update BEFORE UPDATE ON programme_setting
BEGIN SELECT RAISE(ABORT, 'kongthun: a programme setting is kept; record a new one from a later day'); END;
CREATE TRIGGER programme_setting_no_delete BEFORE DELETE ON programme_setting
BEGIN SELECT RAISE(ABORT, 'kongthun: a programme setting is kept; record a new one from a later day'); END;
