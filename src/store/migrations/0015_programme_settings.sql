-- The support programme's own settings (the government's matching programme through CODI,
-- not the guideline): each recorded from a day with its source, kept as it was; a change
-- is a new row from a later day. Until one is recorded the program's default stands.
CREATE TABLE programme_setting (
    name           TEXT NOT NULL CHECK (name IN ('rounds_cap', 'administration_share')),
    effective_from TEXT NOT NULL,
    value          INTEGER NOT NULL,
    source         TEXT NOT NULL,
    recorded_by    TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    PRIMARY KEY (name, effective_from)
);
CREATE TRIGGER programme_setting_no_update BEFORE UPDATE ON programme_setting
BEGIN SELECT RAISE(ABORT, 'kongthun: a programme setting is kept; record a new one from a later day'); END;
CREATE TRIGGER programme_setting_no_delete BEFORE DELETE ON programme_setting
BEGIN SELECT RAISE(ABORT, 'kongthun: a programme setting is kept; record a new one from a later day'); END;
