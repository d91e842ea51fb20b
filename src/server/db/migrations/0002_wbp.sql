-- Inmates (WBP), their cases, detention orders, discipline, remission, transfers; holidays;
-- the computed dates the zero-overstaying lists read.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Holidays per year are data (remisi khusus occasions); editable by Pusat.
CREATE TABLE holiday (
  date date NOT NULL,
  name text NOT NULL,
  national boolean NOT NULL DEFAULT true,
  source text NOT NULL DEFAULT 'shared/data/holidays',
  PRIMARY KEY (date, name)
);

CREATE TABLE import_batch (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kind text NOT NULL,                     -- 'sdp_wbp'
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  mapping jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('applied','rejected')),
  rows_total integer NOT NULL,
  rows_created integer NOT NULL,
  rows_updated integer NOT NULL,
  rows_unchanged integer NOT NULL,
  rows_rejected integer NOT NULL,
  report jsonb NOT NULL,                  -- row-by-row: [{row, noRegister, outcome, errors}]
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_batch_upt_idx ON import_batch (upt_id, created_at DESC);

CREATE TABLE wbp (
  id bigserial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),   -- copy of the UPT's, for scope filters
  no_register text NOT NULL,
  name text NOT NULL,
  name_search text NOT NULL,              -- lower case, accents removed: what search matches
  sex text CHECK (sex IN ('L','P')),
  birth_date date,
  religion text CHECK (religion IN ('islam','kristen','katolik','hindu','buddha','konghucu','lainnya')),
  religion_raw text,                      -- as first registered; decides the remisi khusus occasion
  status text NOT NULL CHECK (status IN ('tahanan','narapidana','anak','klien')),
  status_raw text,
  crime_category text,
  crime_raw text,
  special_crimes text[] NOT NULL DEFAULT '{}',
  detention_start date,                   -- start of the last uninterrupted detention
  admitted_on date,
  released_on date,
  release_reason text,
  verdict_document boolean NOT NULL DEFAULT false,  -- copy of the final verdict on file
  source text NOT NULL,                   -- 'sdp_import' | 'manual' | 'generated'
  import_batch_id integer REFERENCES import_batch(id),
  source_hash text,                       -- hash of the imported row: re-importing it changes nothing
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (upt_id, no_register)
);
CREATE INDEX wbp_kanwil_idx ON wbp (kanwil_id);
CREATE INDEX wbp_no_register_idx ON wbp (no_register text_pattern_ops);
CREATE INDEX wbp_name_trgm_idx ON wbp USING gin (name_search gin_trgm_ops);
CREATE INDEX wbp_active_idx ON wbp (upt_id) WHERE released_on IS NULL;

CREATE TABLE wbp_sentence (
  id bigserial PRIMARY KEY,
  wbp_id bigint NOT NULL REFERENCES wbp(id),
  case_number text,
  court text,
  verdict_date date NOT NULL,
  stage text NOT NULL DEFAULT 'pn' CHECK (stage IN ('pn','pt','ma','pk')),
  years integer NOT NULL DEFAULT 0 CHECK (years >= 0),
  months integer NOT NULL DEFAULT 0 CHECK (months >= 0 AND months < 12),
  days integer NOT NULL DEFAULT 0 CHECK (days >= 0 AND days < 31),
  life boolean NOT NULL DEFAULT false,
  death boolean NOT NULL DEFAULT false,
  fine_rupiah bigint NOT NULL DEFAULT 0 CHECK (fine_rupiah >= 0),
  fine_paid boolean NOT NULL DEFAULT false,
  subsidiary_days integer NOT NULL DEFAULT 0 CHECK (subsidiary_days >= 0),
  restitution_rupiah bigint NOT NULL DEFAULT 0 CHECK (restitution_rupiah >= 0),
  final boolean NOT NULL DEFAULT true,    -- inkracht
  superseded_by bigint REFERENCES wbp_sentence(id),  -- appeal / PK replaces an earlier verdict
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wbp_sentence_wbp_idx ON wbp_sentence (wbp_id);

CREATE TABLE detention_order (
  id bigserial PRIMARY KEY,
  wbp_id bigint NOT NULL REFERENCES wbp(id),
  stage text NOT NULL CHECK (stage IN ('penyidikan','penuntutan','pn','pt','ma')),
  authority text,
  order_number text,
  start_date date NOT NULL,
  days integer NOT NULL CHECK (days > 0 AND days <= 400),
  extension_of bigint REFERENCES detention_order(id),
  art29 boolean NOT NULL DEFAULT false,
  regime text NOT NULL DEFAULT 'kuhap-1981',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX detention_order_wbp_idx ON detention_order (wbp_id);

CREATE TABLE register_f (
  id bigserial PRIMARY KEY,
  wbp_id bigint NOT NULL REFERENCES wbp(id),
  date date NOT NULL,
  until date,
  offence text NOT NULL,
  punishment text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX register_f_wbp_idx ON register_f (wbp_id);

CREATE TABLE remission_grant (
  id bigserial PRIMARY KEY,
  wbp_id bigint NOT NULL REFERENCES wbp(id),
  kind text NOT NULL CHECK (kind IN ('umum','khusus','tambahan','dasawarsa','susulan','kemanusiaan','anak')),
  occasion_date date NOT NULL,
  days integer NOT NULL CHECK (days > 0),
  decree_number text,
  run_id integer,
  reversed_by bigint REFERENCES remission_grant(id),  -- corrections by reversal, never edits
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX remission_grant_wbp_idx ON remission_grant (wbp_id);

CREATE TABLE wbp_transfer (
  id bigserial PRIMARY KEY,
  wbp_id bigint NOT NULL REFERENCES wbp(id),
  from_upt_id integer NOT NULL REFERENCES upt(id),
  to_upt_id integer NOT NULL REFERENCES upt(id),
  date date NOT NULL,
  reason text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Dates computed by the engine, refreshed whenever an inmate's record changes: the due-date and
-- overstay lists read these instead of recomputing 275,000 cases per request.
CREATE TABLE wbp_dates (
  wbp_id bigint PRIMARY KEY REFERENCES wbp(id),
  upt_id integer NOT NULL,
  kanwil_id integer NOT NULL,
  rule_set text NOT NULL,
  expiry date,
  two_thirds date,
  half date,
  pb_date date,
  cb_date date,
  detention_end date,                     -- end of the current detention order (tahanan)
  next_step text,
  problems text[] NOT NULL DEFAULT '{}',
  computed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wbp_dates_detention_idx ON wbp_dates (upt_id, detention_end);
CREATE INDEX wbp_dates_expiry_idx ON wbp_dates (upt_id, expiry);
CREATE INDEX wbp_dates_kanwil_idx ON wbp_dates (kanwil_id);
