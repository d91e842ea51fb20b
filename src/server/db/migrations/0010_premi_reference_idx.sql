-- Posting a day's premi reads what the ledger already holds for that attendance day: by reference.
-- Without this index every sheet save scanned the whole ledger (measured: bench/work.ts).
CREATE INDEX premi_entry_reference_idx ON premi_entry (reference);
