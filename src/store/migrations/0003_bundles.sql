-- Kongthun schema v3: the fund's signing key (public half), bundles sent, settings.

CREATE TABLE fund_key (
    id          INTEGER PRIMARY KEY,
    public_key  BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
    created_at  TEXT NOT NULL,
    retired_at  TEXT,
    -- a rotation: the new key signed by the old one
    rotation_sig BLOB
);

CREATE TABLE bundle_log (
    seq          INTEGER PRIMARY KEY,
    hash         BLOB NOT NULL UNIQUE,
    period_from  TEXT NOT NULL,
    period_to    TEXT NOT NULL,
    first_entry  INTEGER NOT NULL,
    last_entry   INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    file_name    TEXT NOT NULL
);
CREATE TRIGGER bundle_log_no_update BEFORE UPDATE ON bundle_log
BEGIN SELECT RAISE(ABORT, 'kongthun: a sent bundle is history'); END;
CREATE TRIGGER bundle_log_no_delete BEFORE DELETE ON bundle_log
BEGIN SELECT RAISE(ABORT, 'kongthun: a sent bundle is history'); END;

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
