-- Kongthun schema v22: a fund rule recorded from a passed resolution keeps which one, so the
-- auditor can follow a rule to the meeting that decided it (the decision's words stay beside
-- it, as before, for rules decided before the program kept meetings).
ALTER TABLE fund_rule ADD COLUMN resolution_id INTEGER REFERENCES resolution (id);
