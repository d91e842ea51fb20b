-- Overstay history. The overstay figure of a past month was "today's overstays", written into the
-- current month only: past months stayed 0 while inmates had overstayed in them. A spell is a run
-- of days on which an inmate was held past the due date the records of that day gave (a detention
-- order's end or the sentence's expiry); the wbp module rebuilds an inmate's spells from the dated
-- records in the transaction of every change (src/domain/wbp/overstay-spells.ts), so "overstaying
-- on day D" is a count of spells covering D, for any D.
CREATE TABLE wbp_overstay_spell (
  wbp_id bigint NOT NULL REFERENCES wbp(id),
  upt_id integer NOT NULL REFERENCES upt(id),   -- the UPT holding the inmate during the spell
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  kind text NOT NULL CHECK (kind IN ('detention','expiry')),
  due_date date NOT NULL,                        -- the order end or expiry that had passed
  from_date date NOT NULL,
  to_date date,                                  -- last overstayed day; NULL while still held
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (wbp_id, from_date),
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX wbp_overstay_spell_upt_idx ON wbp_overstay_spell (upt_id, from_date);
CREATE INDEX wbp_overstay_spell_kanwil_idx ON wbp_overstay_spell (kanwil_id, from_date);

-- When and why a closed month's figure changed. The refresh recomputes every month from the records;
-- a month before the current one changes only when a record dated in it was added or corrected, and
-- each such change is kept here: the figure before and after, when, and what ran the refresh (the
-- nightly job, a refresh by a named user, a manual value). The current month moves every day and is
-- not logged.
CREATE TABLE indicator_rollup_change (
  id bigserial PRIMARY KEY,
  indicator_id integer NOT NULL REFERENCES indicator(id),
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  month date NOT NULL,
  value_before bigint,                  -- NULL: no figure before (the row was absent, i.e. 0)
  denominator_before bigint,
  value_after bigint,                   -- NULL: no figure after
  denominator_after bigint,
  changed_at timestamptz NOT NULL DEFAULT now(),
  reason text NOT NULL
);
CREATE INDEX indicator_rollup_change_idx ON indicator_rollup_change (indicator_id, month, upt_id);
CREATE INDEX indicator_rollup_change_kanwil_idx ON indicator_rollup_change (kanwil_id, changed_at DESC);
CREATE TRIGGER indicator_rollup_change_no_update BEFORE UPDATE OR DELETE ON indicator_rollup_change
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
