-- Kongthun schema v20: who receives a non-member's welfare when it is not the person (a
-- death benefit is paid to the heir who arranges the funeral): their name and relation,
-- kept with the claim and printed on the voucher.
ALTER TABLE claim ADD COLUMN person_payee TEXT;
ALTER TABLE claim ADD COLUMN person_payee_relation TEXT;
