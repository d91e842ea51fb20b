-- One register number. The No Register was compared four ways (exact in the unique key and the
-- import, upper case in allocation, training, partners and search), so a re-import that changed
-- only case or spacing created a second inmate. The canonical key (src/domain/wbp/register-number.ts,
-- which this function must match: a test compares them) is NFKC, every whitespace and invisible
-- separator removed, ASCII letters upper-cased. The text as written stays in no_register.
CREATE FUNCTION no_register_key(raw text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT translate(
      translate(normalize(raw, NFKC),
        E'\t\n\x0B\f\r ' || chr(133) || chr(5760) || chr(6158) || chr(8203) || chr(8204) || chr(8205)
          || chr(8232) || chr(8233) || chr(8288) || chr(65279),
        ''),
      'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
  $$;

-- Rows that are one register number under the key cannot both stay: the migration stops and names
-- them (UPT, ids, spellings) so that an administrator merges or corrects them first.
DO $$
DECLARE
  groups integer;
  listing text;
BEGIN
  SELECT count(*) INTO groups
    FROM (SELECT 1 FROM wbp GROUP BY upt_id, no_register_key(no_register) HAVING count(*) > 1) g;
  SELECT string_agg(format('UPT %s: %s', upt_id, spellings), E'\n')
    INTO listing
    FROM (
      SELECT upt_id, string_agg(format('#%s "%s"', id, no_register), ', ' ORDER BY id) AS spellings
        FROM wbp GROUP BY upt_id, no_register_key(no_register) HAVING count(*) > 1
        ORDER BY upt_id, min(id) LIMIT 50
    ) g;
  IF groups > 0 THEN
    RAISE EXCEPTION 'No Register: % group(s) of inmates in one UPT share a register number that differs only in case or spacing; merge or correct them, then start again:%', groups, E'\n' || listing
      USING ERRCODE = 'unique_violation';
  END IF;
END $$;

ALTER TABLE wbp ADD COLUMN no_register_key text GENERATED ALWAYS AS (no_register_key(no_register)) STORED;
ALTER TABLE wbp DROP CONSTRAINT wbp_upt_id_no_register_key;
CREATE UNIQUE INDEX wbp_upt_register_key_uq ON wbp (upt_id, no_register_key);
-- Search matches the start of the key (was upper(no_register)).
DROP INDEX wbp_no_register_upper_idx;
CREATE INDEX wbp_no_register_key_idx ON wbp (no_register_key text_pattern_ops);
