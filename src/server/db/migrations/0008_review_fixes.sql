-- A rejection is recorded as such (not as the step it stopped), and the next legal step of a
-- detainee is kept in both languages.
ALTER TABLE remission_run ADD COLUMN rejected_by integer REFERENCES app_user(id);
ALTER TABLE remission_run ADD COLUMN rejected_at timestamptz;
ALTER TABLE wbp_dates ADD COLUMN next_step_en text;
