-- The national cockpit: indicators (Resolusi Pemasyarakatan 2020 and later KPIs), targets with
-- revisions allocated Pusat → Kanwil → UPT, realisation computed from records into rollups,
-- manual realisation with evidence where no module records it yet, and the monthly UPT report.

-- Catalogue. Values are integers in the indicator's base unit (m², grams, rupiah, people,
-- units); `scale` converts to the display unit (10,000 m² per ha). Ratio indicators store a
-- numerator and a denominator so Kanwil and national figures are ratios of sums, never averages.
CREATE TABLE indicator (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,                 -- 'RP20-08'
  programme text NOT NULL,                   -- 'resolusi-2020', 'kpi-pangan', 'kpi-pnbp', 'kpi-pelatihan', 'kpi-hunian'
  point integer,                             -- point of the 2020 resolution (1–15)
  name_id text NOT NULL,
  name_en text NOT NULL,
  definition_id text NOT NULL,
  definition_en text NOT NULL,
  unit text NOT NULL,                        -- display unit: 'ha','kg','rupiah','orang','satker','kelompok','kegiatan','hari','persen'
  scale integer NOT NULL DEFAULT 1 CHECK (scale > 0),
  period text NOT NULL DEFAULT 'year' CHECK (period IN ('year','month')),
  direction text NOT NULL CHECK (direction IN ('higher','lower')),
  time_aggregate text NOT NULL DEFAULT 'sum' CHECK (time_aggregate IN ('sum','last')),  -- over months
  ratio boolean NOT NULL DEFAULT false,      -- value / denominator, shown in basis points
  source_key text NOT NULL,                  -- realisation source (registry); 'manual' = entered with evidence
  thresholds jsonb NOT NULL DEFAULT '{"green": 10000, "amber": 8000}'::jsonb,  -- basis points of the expected value
  active boolean NOT NULL DEFAULT true,
  sort integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Targets per year for the nation, a Kanwil or a UPT. Append-only revisions: a new value adds a
-- row and marks it current; earlier rows stay with who, when and why.
CREATE TABLE indicator_target (
  id bigserial PRIMARY KEY,
  indicator_id integer NOT NULL REFERENCES indicator(id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  level text NOT NULL CHECK (level IN ('national','kanwil','upt')),
  kanwil_id integer REFERENCES kanwil(id),
  upt_id integer REFERENCES upt(id),
  unit_key text NOT NULL,                    -- 'N', 'K<id>', 'U<id>'
  value bigint NOT NULL CHECK (value >= 0),
  method text NOT NULL CHECK (method IN ('manual','proportional','equal','same')),
  basis text,                                -- allocation base: 'capacity', 'population', 'equal'
  revision integer NOT NULL,
  current boolean NOT NULL DEFAULT true,
  reason text,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 'national' AND kanwil_id IS NULL AND upt_id IS NULL)
      OR (level = 'kanwil' AND kanwil_id IS NOT NULL AND upt_id IS NULL)
      OR (level = 'upt' AND kanwil_id IS NOT NULL AND upt_id IS NOT NULL))
);
CREATE UNIQUE INDEX indicator_target_current_idx ON indicator_target (indicator_id, year, unit_key) WHERE current;
CREATE UNIQUE INDEX indicator_target_revision_idx ON indicator_target (indicator_id, year, unit_key, revision);
CREATE INDEX indicator_target_year_idx ON indicator_target (year, level, kanwil_id) WHERE current;
CREATE INDEX indicator_target_unit_idx ON indicator_target (year, unit_key) WHERE current;

-- Manual realisation with evidence, per UPT and month, append-only: the latest entry counts.
CREATE TABLE indicator_manual_value (
  id bigserial PRIMARY KEY,
  indicator_id integer NOT NULL REFERENCES indicator(id),
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  value bigint NOT NULL CHECK (value >= 0),
  note text NOT NULL,
  link text,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX indicator_manual_value_idx ON indicator_manual_value (indicator_id, upt_id, month, id DESC);
CREATE TRIGGER indicator_manual_value_no_update BEFORE UPDATE OR DELETE ON indicator_manual_value
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- Rollups the dashboards read: indicator × UPT × month, and the same summed per Kanwil.
CREATE TABLE indicator_rollup (
  id bigserial PRIMARY KEY,
  indicator_id integer NOT NULL,
  upt_id integer NOT NULL,
  kanwil_id integer NOT NULL,
  month date NOT NULL,
  value bigint NOT NULL,
  denominator bigint,
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (indicator_id, month, upt_id)
);
CREATE INDEX indicator_rollup_kanwil_idx ON indicator_rollup (indicator_id, kanwil_id, month);
CREATE INDEX indicator_rollup_upt_idx ON indicator_rollup (upt_id, month);
CREATE INDEX indicator_rollup_kanwil_month_idx ON indicator_rollup (kanwil_id, month);

CREATE TABLE indicator_rollup_kanwil (
  id bigserial PRIMARY KEY,
  indicator_id integer NOT NULL,
  kanwil_id integer NOT NULL,
  month date NOT NULL,
  value bigint NOT NULL,
  denominator bigint,
  upts integer NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (indicator_id, month, kanwil_id)
);

-- When each indicator was last refreshed, how long it took and how many rows it wrote.
CREATE TABLE indicator_refresh (
  indicator_id integer PRIMARY KEY REFERENCES indicator(id),
  refreshed_at timestamptz NOT NULL,
  from_month date NOT NULL,
  to_month date NOT NULL,
  rows integer NOT NULL,
  duration_ms integer NOT NULL
);

-- The monthly report of a UPT: draft → submitted (UPT head) → verified (Kanwil) or returned with
-- a reason → received (Pusat). The figures are frozen in `snapshot` when submitted.
CREATE TABLE monthly_report (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  status text NOT NULL CHECK (status IN ('draft','submitted','verified','returned','received')),
  commentary jsonb NOT NULL DEFAULT '{}'::jsonb,     -- {summary, obstacles, plans}
  snapshot jsonb,
  return_reason text,
  version integer NOT NULL DEFAULT 1,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  submitted_by integer REFERENCES app_user(id),
  submitted_at timestamptz,
  verified_by integer REFERENCES app_user(id),
  verified_at timestamptz,
  returned_by integer REFERENCES app_user(id),
  returned_at timestamptz,
  received_by integer REFERENCES app_user(id),
  received_at timestamptz,
  UNIQUE (upt_id, month)
);
CREATE INDEX monthly_report_kanwil_idx ON monthly_report (kanwil_id, month);

-- The catalogue itself is data (src/server/modules/indicators/catalogue-seed.ts), loaded by the seed
-- and the daily rollup job, so a freshly migrated database stays empty for a restore. The report
-- deadline setting (`report_deadline_day`, default 5) is written by the seed too.
