-- Uploaded files waiting to be imported live in the database, so the preview and the apply
-- may be served by different app processes; they are removed once imported or after a day.
CREATE TABLE upload (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kind text NOT NULL,
  file_name text NOT NULL,
  sha256 text NOT NULL,
  size_bytes integer NOT NULL,
  content bytea NOT NULL,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE import_batch ADD COLUMN upload_sha256 text;
