-- Kongthun schema v18: the fund's own governance rules, each named and dated with the
-- decision it comes from, kept as it was (a change is a new row from a later day):
-- who changes the welfare rules and the allocation parts (`rules_changed_by`: 0 the general
-- assembly, 1 the committee), whether a month closes only after the cash is counted
-- (`require_cash_count`: 0 or 1), and the monthly sajja pledge whose missed months count as
-- arrears for the lapse rule (`sajja_pledge`: satang a month, 0 none). The two settings a
-- book may already hold are carried over from its books' start.
CREATE TABLE fund_rule (
    name           TEXT NOT NULL CHECK (name IN ('rules_changed_by', 'require_cash_count', 'sajja_pledge')),
    effective_from TEXT NOT NULL,
    value          INTEGER NOT NULL CHECK (value >= 0),
    decision       TEXT NOT NULL,
    recorded_by    TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    PRIMARY KEY (name, effective_from)
);
INSERT INTO fund_rule (name, effective_from, value, decision, recorded_by, recorded_at)
SELECT s.key, COALESCE((SELECT books_start FROM fund), (SELECT substr(created_at, 1, 10) FROM fund), '2000-01-01'),
       CASE WHEN s.key = 'rules_changed_by' THEN (s.value = 'committee') ELSE (s.value = '1') END,
       'ตั้งไว้ก่อนที่โปรแกรมจะบันทึกวันที่มีผลและมติ', 'kongthun', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM setting s WHERE s.key IN ('rules_changed_by', 'require_cash_count');
DELETE FROM setting WHERE key IN ('rules_changed_by', 'require_cash_count');
CREATE TRIGGER fund_rule_no_update BEFORE UPDATE ON fund_rule
BEGIN SELECT RAISE(ABORT, 'kongthun: a fund rule is kept; record a new one from a later day'); END;
CREATE TRIGGER fund_rule_no_delete BEFORE DELETE ON fund_rule
BEGIN SELECT RAISE(ABORT, 'kongthun: a fund rule is kept; record a new one from a later day'); END;
