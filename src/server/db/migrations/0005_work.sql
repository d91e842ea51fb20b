-- Work activities (Giatja), allocation, attendance, pay rules and the premi ledger; food security.

CREATE TABLE work_activity (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  name text NOT NULL,
  category text NOT NULL CHECK (category IN ('pertanian','perkebunan','perikanan','peternakan','industri','kuliner','kerajinan','jasa')),
  place_kind text NOT NULL CHECK (place_kind IN ('workshop','land_plot','pond','kitchen','other')),
  place_name text,
  capacity integer NOT NULL CHECK (capacity > 0 AND capacity <= 5000),
  weekdays integer[] NOT NULL,            -- 1 = Monday … 7 = Sunday
  sessions text[] NOT NULL,               -- 'pagi', 'siang'
  partner_name text,
  outside boolean NOT NULL DEFAULT false, -- outside the walls: minimum security or asimilasi only
  open_to_detainees boolean NOT NULL DEFAULT false,
  lapas_industri boolean NOT NULL DEFAULT false,
  industri jsonb,                         -- partner agreement, investment, machines
  active boolean NOT NULL DEFAULT true,
  source text NOT NULL DEFAULT 'manual',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (upt_id, name)
);
CREATE INDEX work_activity_kanwil_idx ON work_activity (kanwil_id);

-- Pay rules are dated and never edited: a change is a new row from a date (history stays readable).
CREATE TABLE pay_rule (
  id serial PRIMARY KEY,
  activity_id integer NOT NULL REFERENCES work_activity(id),
  effective_from date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('daily','hourly','piece','proceeds_share')),
  rate_rupiah bigint NOT NULL CHECK (rate_rupiah >= 0),
  hours_per_session integer,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (activity_id, effective_from)
);

-- National floor for daily premi, dated.
CREATE TABLE premi_floor (
  effective_from date PRIMARY KEY,
  rupiah_per_day bigint NOT NULL CHECK (rupiah_per_day >= 0)
);

CREATE TABLE work_allocation (
  id bigserial PRIMARY KEY,
  activity_id integer NOT NULL REFERENCES work_activity(id),
  wbp_id bigint NOT NULL REFERENCES wbp(id),
  upt_id integer NOT NULL,
  kanwil_id integer NOT NULL,
  status text NOT NULL CHECK (status IN ('active','waitlist','ended')),
  start_date date NOT NULL,
  end_date date,
  end_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX work_allocation_open_idx ON work_allocation (activity_id, wbp_id) WHERE status <> 'ended';
CREATE INDEX work_allocation_wbp_idx ON work_allocation (wbp_id);

-- One sheet per activity, date and session; a resubmitted sheet (same key) changes nothing.
CREATE TABLE attendance_sheet (
  activity_id integer NOT NULL REFERENCES work_activity(id),
  date date NOT NULL,
  session text NOT NULL,
  upt_id integer NOT NULL,
  kanwil_id integer NOT NULL,
  submitted_by integer REFERENCES app_user(id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  client_key text,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (activity_id, date, session)
);

CREATE TABLE attendance (
  activity_id integer NOT NULL,
  date date NOT NULL,
  session text NOT NULL,
  wbp_id bigint NOT NULL REFERENCES wbp(id),
  upt_id integer NOT NULL,
  reason text NOT NULL,
  paid boolean NOT NULL,
  hours integer,
  pieces integer,
  PRIMARY KEY (activity_id, date, session, wbp_id),
  FOREIGN KEY (activity_id, date, session) REFERENCES attendance_sheet (activity_id, date, session)
);
CREATE INDEX attendance_wbp_idx ON attendance (wbp_id, date);
CREATE INDEX attendance_upt_date_idx ON attendance (upt_id, date);

-- Monthly rollup kept current in the same transaction as each sheet save: dashboards read this.
CREATE TABLE work_month_rollup (
  upt_id integer NOT NULL,
  kanwil_id integer NOT NULL,
  month date NOT NULL,                    -- first day of the month
  category text NOT NULL,
  attendance_rows bigint NOT NULL DEFAULT 0,
  present_rows bigint NOT NULL DEFAULT 0,
  paid_rows bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (upt_id, month, category)
);

-- Append-only premi ledger per inmate: corrections are reversals, never edits.
CREATE TABLE premi_entry (
  id bigserial PRIMARY KEY,
  wbp_id bigint NOT NULL REFERENCES wbp(id),
  upt_id integer NOT NULL,
  kanwil_id integer NOT NULL,
  date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('earning','payout','reversal','adjustment','proceeds_share')),
  amount_rupiah bigint NOT NULL,
  reverses bigint REFERENCES premi_entry(id),
  source text,                            -- e.g. 'attendance:12:2026-11-25:pagi'; unique per inmate
  reference text,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, wbp_id)
);
CREATE INDEX premi_entry_wbp_idx ON premi_entry (wbp_id, id);
CREATE UNIQUE INDEX premi_entry_reversed_once_idx ON premi_entry (reverses) WHERE reverses IS NOT NULL;
CREATE TRIGGER premi_entry_no_update BEFORE UPDATE OR DELETE ON premi_entry
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- Food security: land and ponds, planting, harvest (areas in m², weights in grams: no floats).
CREATE TABLE land_plot (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('land','pond','pen')),
  name text NOT NULL,
  area_m2 bigint NOT NULL CHECK (area_m2 > 0),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  UNIQUE (upt_id, name)
);

CREATE TABLE planting (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL,
  kanwil_id integer NOT NULL,
  plot_id integer NOT NULL REFERENCES land_plot(id),
  crop text NOT NULL,
  sector text NOT NULL CHECK (sector IN ('farming','fisheries','livestock')),
  area_m2 bigint NOT NULL CHECK (area_m2 > 0),
  planted_on date NOT NULL,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX planting_upt_idx ON planting (upt_id, planted_on);

CREATE TABLE harvest (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL,
  kanwil_id integer NOT NULL,
  plot_id integer REFERENCES land_plot(id),
  planting_id integer REFERENCES planting(id),
  sector text NOT NULL CHECK (sector IN ('farming','fisheries','livestock')),
  commodity text NOT NULL,
  harvested_on date NOT NULL,
  qty_grams bigint NOT NULL CHECK (qty_grams > 0),
  offtake_grams bigint NOT NULL DEFAULT 0 CHECK (offtake_grams >= 0),   -- bought by the meal supplier (5% rule)
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX harvest_upt_idx ON harvest (upt_id, harvested_on);

-- Outside work needs asimilasi eligibility: the engine's date (½, or ⅔ for special crimes).
ALTER TABLE wbp_dates ADD COLUMN asimilasi_date date;
