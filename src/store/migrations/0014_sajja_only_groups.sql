-- A savings group that keeps only sajja savings takes no contribution: the fund's
-- contribution may be zero for a fund of kind `savings` (never for a welfare fund, whose
-- members' contributions are its money). SQLite changes a CHECK by rebuilding the table:
-- the row is set aside, the table made again under its own name (the journal's triggers
-- name it, so it is not renamed into place), the row put back.
CREATE TEMP TABLE fund_before_v14 AS SELECT * FROM fund;
DROP TABLE fund;
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
    contribution      INTEGER NOT NULL CHECK (contribution > 0 OR (contribution = 0 AND kind = 'savings')),
    entrance_fee      INTEGER NOT NULL DEFAULT 0 CHECK (entrance_fee >= 0),
    lapse_after       INTEGER NOT NULL DEFAULT 0 CHECK (lapse_after >= 0),
    thai_digits       INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    founded_on        TEXT,
    books_start       TEXT,
    founding_note     TEXT NOT NULL DEFAULT ''
);
INSERT INTO fund (id, name_th, name_en, kind, fund_code, village, moo, tambon, amphoe, changwat,
                  fiscal_year_start, schedule, contribution, entrance_fee, lapse_after, thai_digits,
                  created_at, founded_on, books_start, founding_note)
SELECT id, name_th, name_en, kind, fund_code, village, moo, tambon, amphoe, changwat,
       fiscal_year_start, schedule, contribution, entrance_fee, lapse_after, thai_digits,
       created_at, founded_on, books_start, founding_note
FROM fund_before_v14;
DROP TABLE fund_before_v14;
