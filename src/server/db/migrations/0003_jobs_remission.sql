-- Background jobs (claimed through the database, so any number of app processes can run them
-- without running one twice), the daily digest they write, and remission runs.

CREATE TABLE job_run (
  name text NOT NULL,
  run_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('running','done','failed')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  detail jsonb,
  PRIMARY KEY (name, run_date)
);

CREATE TABLE digest (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,                    -- 'overstay'
  date date NOT NULL,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, date, upt_id)
);

CREATE TABLE remission_run (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  kind text NOT NULL CHECK (kind IN ('umum','khusus','dasawarsa')),
  occasion_date date NOT NULL,
  occasion_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft','proposed','verified','approved','rejected')),
  decree_number text,
  note text,
  created_by integer REFERENCES app_user(id),
  proposed_by integer REFERENCES app_user(id),
  proposed_at timestamptz,
  verified_by integer REFERENCES app_user(id),
  verified_at timestamptz,
  approved_by integer REFERENCES app_user(id),
  approved_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (upt_id, kind, occasion_date)
);

CREATE TABLE remission_run_item (
  run_id integer NOT NULL REFERENCES remission_run(id),
  wbp_id bigint NOT NULL REFERENCES wbp(id),
  eligible boolean NOT NULL,
  days integer NOT NULL DEFAULT 0,
  ordinal integer,
  released_on_day boolean NOT NULL DEFAULT false,   -- RU II / RK II: the remission ends the term
  expiry_before date,
  expiry_after date,
  reasons jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (run_id, wbp_id)
);
ALTER TABLE remission_grant ADD CONSTRAINT remission_grant_run_fk FOREIGN KEY (run_id) REFERENCES remission_run(id);
