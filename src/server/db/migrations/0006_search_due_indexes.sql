-- Measured at national scale (bench/): a name search OR'ed with a register search on upper()
-- scanned every inmate, and the due lists scanned every held inmate's dates. These indexes let
-- both run as bitmap scans over the few matching rows.
CREATE INDEX wbp_no_register_upper_idx ON wbp (upper(no_register) text_pattern_ops);
-- wbp_dates holds only inmates still held (a release removes the row).
DELETE FROM wbp_dates d USING wbp w WHERE w.id = d.wbp_id AND w.released_on IS NOT NULL;
CREATE INDEX wbp_dates_detention_end_idx ON wbp_dates (detention_end) WHERE detention_end IS NOT NULL;
CREATE INDEX wbp_dates_expiry_only_idx ON wbp_dates (expiry) WHERE detention_end IS NULL;
