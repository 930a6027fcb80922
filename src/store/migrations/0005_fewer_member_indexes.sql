-- Kongthun schema v5: a member's entries and contributions are found through the postings
-- (index posting_member), so the two other per-member indexes go. Each receipt of a
-- collection day inserted into three member-ordered B-trees scattered over a large file;
-- now into one.
DROP INDEX journal_entry_member;
DROP INDEX contribution_member;
