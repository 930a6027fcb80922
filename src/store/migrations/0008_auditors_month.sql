-- Kongthun schema v8: the auditor's month. Before a month closes the cash may be counted and
-- each bank account reconciled with its passbook (stored with the close, locked like it),
-- and the auditor signs the month before it closes, so the sealed statement prints it.

CREATE TABLE month_check (
    month        TEXT PRIMARY KEY,
    cash_book    INTEGER NOT NULL,
    cash_counted INTEGER NOT NULL,
    -- the notes and coins counted, as JSON {"100000": 3, ...} (satang value -> pieces)
    denominations TEXT NOT NULL DEFAULT '{}',
    -- per bank account: [{"account", "book", "statement", "in_transit", "uncleared"}]
    banks        TEXT NOT NULL DEFAULT '[]',
    checked_by   TEXT NOT NULL,
    checked_at   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE month_audit (
    month      TEXT PRIMARY KEY,
    auditor    TEXT NOT NULL,
    remarks    TEXT NOT NULL DEFAULT '',
    signed_at  TEXT NOT NULL,
    signed_by  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER month_check_no_update BEFORE UPDATE ON month_check
BEGIN SELECT RAISE(ABORT, 'kongthun: a month''s cash count is kept as it was'); END;
CREATE TRIGGER month_check_no_delete BEFORE DELETE ON month_check
BEGIN SELECT RAISE(ABORT, 'kongthun: a month''s cash count is kept as it was'); END;
CREATE TRIGGER month_audit_no_update BEFORE UPDATE ON month_audit
BEGIN SELECT RAISE(ABORT, 'kongthun: an auditor''s sign-off is kept as it was'); END;
CREATE TRIGGER month_audit_no_delete BEFORE DELETE ON month_audit
BEGIN SELECT RAISE(ABORT, 'kongthun: an auditor''s sign-off is kept as it was'); END;
