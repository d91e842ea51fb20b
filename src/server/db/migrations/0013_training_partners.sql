-- Training and certification, partners (Pokmas Lipas, firms, agencies…), agreements, contributions,
-- and a small store for uploaded documents shared by every module.

-- Uploaded documents and photos: bytes in the database (any app process can serve them), the type
-- sniffed from the bytes, the owning record and its scope (served only to who may see that record).
CREATE TABLE stored_file (
  id bigserial PRIMARY KEY,
  owner_kind text NOT NULL,               -- e.g. 'training_programme', 'partner_agreement'
  owner_id bigint NOT NULL,
  upt_id integer REFERENCES upt(id),
  kanwil_id integer REFERENCES kanwil(id),
  file_name text NOT NULL,                -- sanitised, extension of the real type
  file_type text NOT NULL CHECK (file_type IN ('pdf','jpeg','png','webp')),
  mime_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by integer REFERENCES app_user(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stored_file_owner_idx ON stored_file (owner_kind, owner_id);

-- Partners: Pokmas Lipas members at a Bapas, firms, ministries and agencies, BLK/LSP, universities,
-- religious and community organisations. Scope: a UPT (or Bapas), a Kanwil, or national (both null).
CREATE TABLE pokmas_group (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),   -- the Bapas
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  name text NOT NULL,
  field text NOT NULL CHECK (field IN ('hukum_kemasyarakatan','kemandirian_kepribadian')),
  formed_on date NOT NULL,
  decree_number text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (upt_id, name)
);

CREATE TABLE partner (
  id serial PRIMARY KEY,
  upt_id integer REFERENCES upt(id),
  kanwil_id integer REFERENCES kanwil(id),
  province_code text REFERENCES province(code),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('pokmas_lipas','firm','government','blk','lsp','university','religious','community','other')),
  pokmas_group_id integer REFERENCES pokmas_group(id),
  contact_name text,
  contact_phone text,
  contact_email text,
  address text,
  active boolean NOT NULL DEFAULT true,
  source text NOT NULL DEFAULT 'manual',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (upt_id IS NULL OR kanwil_id IS NOT NULL),
  CHECK (pokmas_group_id IS NULL OR kind = 'pokmas_lipas')
);
CREATE INDEX partner_scope_idx ON partner (kanwil_id, upt_id);
CREATE INDEX partner_group_idx ON partner (pokmas_group_id);

-- MoU / PKS: up to 25 years (build-operate-transfer). Never edited: a renewal is a new agreement.
CREATE TABLE partner_agreement (
  id serial PRIMARY KEY,
  partner_id integer NOT NULL REFERENCES partner(id),
  upt_id integer REFERENCES upt(id),
  kanwil_id integer REFERENCES kanwil(id),
  kind text NOT NULL CHECK (kind IN ('mou','pks')),
  number text NOT NULL,
  parties text NOT NULL,
  scope text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  alert_days integer CHECK (alert_days IS NULL OR (alert_days BETWEEN 1 AND 730)),  -- null: the setting
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date),
  UNIQUE (partner_id, number)
);
CREATE INDEX partner_agreement_end_idx ON partner_agreement (end_date);

-- Expiry alerts recorded by the daily job: one per agreement and end date.
CREATE TABLE agreement_alert (
  id bigserial PRIMARY KEY,
  agreement_id integer NOT NULL REFERENCES partner_agreement(id),
  end_date date NOT NULL,
  raised_on date NOT NULL,
  days_left integer NOT NULL,
  upt_id integer,
  kanwil_id integer,
  UNIQUE (agreement_id, end_date)
);

-- Training programmes per UPT.
CREATE TABLE training_programme (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  name text NOT NULL,
  skill text NOT NULL,
  scheme text,                            -- competency scheme (skema sertifikasi)
  provider_kind text NOT NULL CHECK (provider_kind IN ('blk','lsp','partner','upt')),
  provider_name text NOT NULL,
  partner_id integer REFERENCES partner(id),
  lesson_hours integer NOT NULL CHECK (lesson_hours > 0 AND lesson_hours <= 2000),  -- JP
  start_date date NOT NULL,
  end_date date NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0 AND capacity <= 1000),
  cost_rupiah bigint NOT NULL DEFAULT 0 CHECK (cost_rupiah >= 0),
  funded_by text NOT NULL CHECK (funded_by IN ('dipa','partner','pnbp','other')),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','running','completed','cancelled')),
  source text NOT NULL DEFAULT 'manual',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date),
  UNIQUE (upt_id, name, start_date)
);
CREATE INDEX training_programme_scope_idx ON training_programme (kanwil_id, upt_id, start_date);

CREATE TABLE training_participant (
  id bigserial PRIMARY KEY,
  programme_id integer NOT NULL REFERENCES training_programme(id),
  wbp_id bigint NOT NULL REFERENCES wbp(id),
  upt_id integer NOT NULL,
  kanwil_id integer NOT NULL,
  status text NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled','completed','dropped')),
  attended_hours integer NOT NULL DEFAULT 0 CHECK (attended_hours >= 0),
  completed_on date,
  drop_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (programme_id, wbp_id),
  CHECK ((status = 'completed') = (completed_on IS NOT NULL))
);
CREATE INDEX training_participant_wbp_idx ON training_participant (wbp_id);

-- Competency tests; a competent result carries the BNSP certificate (number unique per scheme and LSP).
CREATE TABLE competency_test (
  id bigserial PRIMARY KEY,
  participant_id bigint NOT NULL REFERENCES training_participant(id),
  programme_id integer NOT NULL,
  wbp_id bigint NOT NULL,
  upt_id integer NOT NULL,
  kanwil_id integer NOT NULL,
  test_date date NOT NULL,
  result text NOT NULL CHECK (result IN ('kompeten','belum_kompeten')),
  scheme text NOT NULL,
  lsp_name text NOT NULL,
  certificate_number text,
  issued_on date,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((result = 'kompeten') = (certificate_number IS NOT NULL))
);
CREATE UNIQUE INDEX competency_test_certificate_idx ON competency_test (lower(scheme), lower(lsp_name), certificate_number) WHERE certificate_number IS NOT NULL;
CREATE UNIQUE INDEX competency_test_competent_once_idx ON competency_test (participant_id) WHERE result = 'kompeten';
CREATE INDEX competency_test_wbp_idx ON competency_test (wbp_id);
CREATE INDEX competency_test_upt_date_idx ON competency_test (upt_id, test_date);
CREATE INDEX training_participant_upt_done_idx ON training_participant (upt_id, completed_on) WHERE completed_on IS NOT NULL;

-- Realisation per UPT and month, kept in the same transaction as each completion and test.
CREATE TABLE training_month_rollup (
  id bigserial PRIMARY KEY,
  upt_id integer NOT NULL,
  kanwil_id integer NOT NULL,
  month date NOT NULL,                    -- first day of the month
  trained integer NOT NULL DEFAULT 0,     -- participants who completed a programme that month
  tested integer NOT NULL DEFAULT 0,      -- competency tests taken that month
  certified integer NOT NULL DEFAULT 0,   -- competent results (certificates) that month
  UNIQUE (upt_id, month)
);
CREATE INDEX training_month_rollup_month_idx ON training_month_rollup (month);

-- Contributions of partners, linked to what they served.
CREATE TABLE partner_contribution (
  id serial PRIMARY KEY,
  partner_id integer NOT NULL REFERENCES partner(id),
  agreement_id integer REFERENCES partner_agreement(id),
  upt_id integer REFERENCES upt(id),
  kanwil_id integer REFERENCES kanwil(id),
  kind text NOT NULL CHECK (kind IN ('capital','equipment','training','experts','post_release_job','shelter','publication','other')),
  date date NOT NULL,
  description text NOT NULL,
  value_rupiah bigint CHECK (value_rupiah IS NULL OR value_rupiah >= 0),
  programme_id integer REFERENCES training_programme(id),
  activity_id integer REFERENCES work_activity(id),
  wbp_id bigint REFERENCES wbp(id),
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partner_contribution_partner_idx ON partner_contribution (partner_id, date);

