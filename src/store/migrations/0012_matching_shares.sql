-- Each member's share of a round of matching money where the source matches per member
-- (the government's rounds): what "rounds received" and "received before" are counted from.
-- Rounds recorded before this version keep no share (NULL): counted as rounds, not as baht.
ALTER TABLE matched_member ADD COLUMN share INTEGER CHECK (share IS NULL OR share >= 0);
