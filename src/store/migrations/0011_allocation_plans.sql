-- The fund's allocation plan is its own (any number of named parts adding up to 100%),
-- adopted by a resolution and kept like a welfare rule: a change is a new plan from a later
-- day. Dividends and refunds are paid in one batch after the assembly: a payment per member,
-- into the member's sajja savings or in cash, each its own entry.
CREATE TABLE allocation_plan (
    id             INTEGER PRIMARY KEY,
    effective_from TEXT NOT NULL UNIQUE,
    parts          TEXT NOT NULL,
    resolution_id  INTEGER NOT NULL REFERENCES resolution (id),
    recorded_by    TEXT NOT NULL,
    recorded_at    TEXT NOT NULL
);
CREATE TRIGGER allocation_plan_no_update BEFORE UPDATE ON allocation_plan
BEGIN SELECT RAISE(ABORT, 'kongthun: an allocation plan is kept; adopt a new one'); END;
CREATE TRIGGER allocation_plan_no_delete BEFORE DELETE ON allocation_plan
BEGIN SELECT RAISE(ABORT, 'kongthun: an allocation plan is kept; adopt a new one'); END;

-- Each member's dividend and refund in a year's allocation (both go to 2102 on one line).
CREATE TABLE allocation_share (
    entry_id  INTEGER NOT NULL REFERENCES journal_entry (id),
    member_id INTEGER NOT NULL REFERENCES member (id),
    dividend  INTEGER NOT NULL CHECK (dividend >= 0),
    refund    INTEGER NOT NULL CHECK (refund >= 0),
    PRIMARY KEY (entry_id, member_id)
);
CREATE TRIGGER allocation_share_no_update BEFORE UPDATE ON allocation_share
BEGIN SELECT RAISE(ABORT, 'kongthun: an allocation is corrected by reversing its entry'); END;

CREATE TABLE dividend_payment (
    entry_id  INTEGER PRIMARY KEY REFERENCES journal_entry (id),
    year      INTEGER NOT NULL,
    member_id INTEGER NOT NULL REFERENCES member (id),
    amount    INTEGER NOT NULL CHECK (amount > 0),
    paid_into TEXT NOT NULL CHECK (paid_into IN ('savings', 'cash', 'bank'))
);
CREATE INDEX dividend_payment_year ON dividend_payment (year, member_id);
CREATE TRIGGER dividend_payment_no_update BEFORE UPDATE ON dividend_payment
BEGIN SELECT RAISE(ABORT, 'kongthun: a payment is corrected by reversing its entry'); END;
CREATE TRIGGER dividend_payment_no_delete BEFORE DELETE ON dividend_payment
BEGIN SELECT RAISE(ABORT, 'kongthun: a payment is corrected by reversing its entry'); END;

-- The accounts the plan's new parts are credited to, and the welfare drawn as claims are
-- paid, in every book that keeps savings.
WITH added (code, name_th, name_en, class) AS (VALUES
    ('2106', 'เงินจัดสรรเพื่อค่าใช้จ่ายในการบริหาร', 'Allocated to administration', 'liability'),
    ('2109', 'เงินจัดสรรอื่นตามมติที่ประชุมใหญ่', 'Other parts allocated by the assembly', 'liability'),
    ('4602', 'รับจากเงินจัดสรรเพื่อสวัสดิการ', 'Drawn from the welfare allocated', 'income')
)
INSERT INTO account (code, name_th, name_en, class, cash_kind, welfare_category, system, created_at)
SELECT a.code, a.name_th, a.name_en, a.class, NULL, NULL, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM added a
WHERE EXISTS (SELECT 1 FROM fund WHERE kind IN ('savings', 'both'))
  AND NOT EXISTS (SELECT 1 FROM account x WHERE x.code = a.code);
