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
