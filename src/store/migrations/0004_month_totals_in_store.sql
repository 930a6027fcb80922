-- Kongthun schema v4: monthly account totals are kept by the store in the same transaction
-- as the postings (summed per transaction and written once at its end) instead of a trigger
-- per posting line; a collection day of 10,000 receipts spent a third of its time in that
-- trigger. `verify` still recomputes the totals from the postings.
DROP TRIGGER posting_month_totals;
