-- Foundation: organisation (Pusat → Kanwil → UPT), users and sessions, audit trail.
-- Written for PostgreSQL 15 (CI server) and PGlite (embedded): no newer syntax.

CREATE TABLE province (
  code text PRIMARY KEY,            -- Kemendagri code, e.g. '11'
  name text NOT NULL
);

CREATE TABLE regency (
  code text PRIMARY KEY,            -- e.g. '11.01'
  province_code text NOT NULL REFERENCES province(code),
  name text NOT NULL
);

CREATE TABLE kanwil (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,        -- display name, e.g. 'Kanwil Ditjenpas Aceh'
  raw_name text NOT NULL,           -- value as in the source list, e.g. 'Aceh'
  province_code text REFERENCES province(code),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE upt (
  id serial PRIMARY KEY,
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  name text NOT NULL,               -- normalised display name
  raw_name text NOT NULL,           -- name exactly as in the source list
  type text NOT NULL CHECK (type IN ('lapas','rutan','cabang_rutan','lpka','lpp','bapas','rupbasan','sae','rs')),
  type_raw text,                    -- token the type was parsed from
  class text CHECK (class IN ('I','II','IIA','IIB','III')),  -- II: Bapas/LPKA grade
  class_raw text,
  modifiers text[] NOT NULL DEFAULT '{}',  -- narkotika, perempuan, pemuda, terbuka, khusus, industri
  security_level text CHECK (security_level IN ('super_maximum','maximum','medium','minimum')),
  security_level_source text,       -- 'published' (with source) or 'generated'
  place text,                       -- place name parsed from the source name
  regency_code text REFERENCES regency(code),
  address text,
  capacity integer CHECK (capacity IS NULL OR capacity >= 0),
  capacity_source text,             -- 'generated' until an official figure is imported
  source text NOT NULL,             -- where the row came from
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kanwil_id, raw_name)
);
CREATE INDEX upt_kanwil_idx ON upt (kanwil_id);
CREATE INDEX upt_name_lower_idx ON upt (lower(name));

CREATE TABLE app_user (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username = lower(username)),
  full_name text NOT NULL,
  email text,
  nip text,                         -- civil-servant number, personal data
  role text NOT NULL CHECK (role IN ('pusat_admin','pusat_pimpinan','kanwil_officer','upt_head','upt_operator','auditor','partner')),
  scope_level text NOT NULL CHECK (scope_level IN ('national','kanwil','upt')),
  kanwil_id integer REFERENCES kanwil(id),
  upt_id integer REFERENCES upt(id),
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT true,
  password_changed_at timestamptz,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope_level = 'national' AND kanwil_id IS NULL AND upt_id IS NULL)
      OR (scope_level = 'kanwil' AND kanwil_id IS NOT NULL AND upt_id IS NULL)
      OR (scope_level = 'upt' AND kanwil_id IS NOT NULL AND upt_id IS NOT NULL))
);

-- Sessions live in the database so any app process can serve any request.
CREATE TABLE user_session (
  id text PRIMARY KEY,              -- sha256 of the cookie token; the token itself is never stored
  user_id integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Login throttling per client address, shared by all app processes.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  attempts integer NOT NULL
);

-- Append-only, hash-chained audit trail.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id integer,
  actor_username text,
  actor_role text,
  scope_kanwil_id integer,
  scope_upt_id integer,
  entity text NOT NULL,
  entity_id text,
  action text NOT NULL,
  before jsonb,
  after jsonb,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id);
CREATE INDEX audit_log_scope_idx ON audit_log (scope_kanwil_id, scope_upt_id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Small key/value settings of the installation (demo mode, seed info).
CREATE TABLE app_setting (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
