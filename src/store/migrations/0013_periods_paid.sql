-- Each member's contribution periods paid (net of reversed payments), kept by trigger in
-- the same transaction as each contribution and each reversal, so that the arrears of every
-- member read 10,000 rows instead of summing every contribution ever paid. `verify`
-- recomputes it from the contributions.
CREATE TABLE member_periods (
    member_id INTEGER PRIMARY KEY REFERENCES member (id),
    periods   INTEGER NOT NULL
);
INSERT INTO member_periods (member_id, periods)
SELECT c.member_id, SUM(c.periods) FROM contribution c
WHERE NOT EXISTS (SELECT 1 FROM journal_entry x WHERE x.reverses = c.entry_id)
GROUP BY c.member_id;

CREATE TRIGGER contribution_adds_periods AFTER INSERT ON contribution
BEGIN
    INSERT INTO member_periods (member_id, periods) VALUES (NEW.member_id, NEW.periods)
    ON CONFLICT (member_id) DO UPDATE SET periods = periods + excluded.periods;
END;

CREATE TRIGGER reversal_takes_periods AFTER INSERT ON journal_entry
WHEN NEW.reverses IS NOT NULL
 AND EXISTS (SELECT 1 FROM contribution WHERE entry_id = NEW.reverses)
BEGIN
    UPDATE member_periods
    SET periods = periods - (SELECT periods FROM contribution WHERE entry_id = NEW.reverses)
    WHERE member_id = (SELECT member_id FROM contribution WHERE entry_id = NEW.reverses);
END;
