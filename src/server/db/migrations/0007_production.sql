-- Production per UPT: products, bills of materials, an append-only stock ledger with lots, and
-- production batches costed from what was actually consumed (STYLE.md, after Odoo/ERPNext).
-- Quantities are integers in the item's smallest unit (g, ml, pcs, cm); money is integer rupiah.

CREATE TABLE product (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  name text NOT NULL,
  category text NOT NULL CHECK (category IN ('pertanian','perkebunan','perikanan','peternakan','industri','kuliner','kerajinan','jasa')),
  unit text NOT NULL,                       -- selling unit, e.g. 'pcs'
  price_rupiah bigint NOT NULL DEFAULT 0 CHECK (price_rupiah >= 0),
  description text,
  photo_url text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (upt_id, name)
);
CREATE INDEX product_kanwil_idx ON product (kanwil_id);

CREATE TABLE stock_item (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  name text NOT NULL,
  unit text NOT NULL,                       -- smallest unit: 'g', 'ml', 'pcs', 'cm'
  kind text NOT NULL CHECK (kind IN ('material','product')),
  product_id integer REFERENCES product(id),
  perishable boolean NOT NULL DEFAULT false, -- receipts and output need a lot with an expiry
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (upt_id, name),
  CHECK ((kind = 'product') = (product_id IS NOT NULL))
);
CREATE UNIQUE INDEX stock_item_product_idx ON stock_item (product_id) WHERE product_id IS NOT NULL;
CREATE INDEX stock_item_kanwil_idx ON stock_item (kanwil_id);

CREATE TABLE stock_location (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (upt_id, name)
);

-- The recipe of one unit of a product (the whole BoM is replaced at once; versioned by the product).
CREATE TABLE bom_line (
  id serial PRIMARY KEY,
  product_id integer NOT NULL REFERENCES product(id),
  item_id integer NOT NULL REFERENCES stock_item(id),
  qty_per_unit bigint NOT NULL CHECK (qty_per_unit > 0),
  UNIQUE (product_id, item_id)
);

-- One counter row per UPT and year: numbers are allocated under its row lock inside the batch's
-- transaction, so a failed batch gives its number back and the series has no gaps.
CREATE TABLE production_counter (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  year integer NOT NULL,
  last_number integer NOT NULL DEFAULT 0 CHECK (last_number >= 0),
  UNIQUE (upt_id, year)
);

CREATE TABLE production_batch (
  id bigserial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  number text NOT NULL,                     -- 'PRD-2026-0001', gap-free per UPT and year
  product_id integer NOT NULL REFERENCES product(id),
  location_id integer NOT NULL REFERENCES stock_location(id),
  date date NOT NULL,
  output_qty bigint NOT NULL CHECK (output_qty >= 0),
  scrap_qty bigint NOT NULL CHECK (scrap_qty >= 0),
  inmates integer NOT NULL DEFAULT 0 CHECK (inmates >= 0),
  hours integer NOT NULL DEFAULT 0 CHECK (hours >= 0),
  total_cost_rupiah bigint NOT NULL CHECK (total_cost_rupiah >= 0),
  unit_cost_rupiah bigint CHECK (unit_cost_rupiah >= 0),   -- null when nothing good came out
  scrap_cost_rupiah bigint NOT NULL CHECK (scrap_cost_rupiah >= 0),
  bom_variance jsonb NOT NULL DEFAULT '[]'::jsonb,          -- planned vs consumed, as of the batch
  note text,
  idempotency_key text UNIQUE,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (upt_id, number),
  CHECK (output_qty + scrap_qty > 0),
  CHECK (scrap_cost_rupiah <= total_cost_rupiah)
);
CREATE INDEX production_batch_kanwil_idx ON production_batch (kanwil_id, date);
CREATE INDEX production_batch_upt_idx ON production_batch (upt_id, date);

CREATE TABLE production_batch_worker (
  id bigserial PRIMARY KEY,
  batch_id bigint NOT NULL REFERENCES production_batch(id),
  wbp_id bigint NOT NULL REFERENCES wbp(id),
  hours integer NOT NULL CHECK (hours >= 0),
  UNIQUE (batch_id, wbp_id)
);
CREATE INDEX production_batch_worker_wbp_idx ON production_batch_worker (wbp_id);

-- Append-only stock ledger: a wrong move is corrected by a reversal pointing to it, once.
CREATE TABLE stock_move (
  id bigserial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  date date NOT NULL,
  item_id integer NOT NULL REFERENCES stock_item(id),
  location_id integer NOT NULL REFERENCES stock_location(id),
  lot_code text,
  lot_expiry date,
  qty bigint NOT NULL CHECK (qty <> 0),     -- signed, in the item's smallest unit
  kind text NOT NULL CHECK (kind IN ('receipt','consumption','output','sale','adjustment','transfer_in','transfer_out','reversal','scrap')),
  unit_cost_rupiah bigint CHECK (unit_cost_rupiah >= 0),
  total_cost_rupiah bigint CHECK (total_cost_rupiah >= 0),
  reverses bigint UNIQUE REFERENCES stock_move(id),
  idempotency_key text UNIQUE,
  reference text,
  batch_id bigint REFERENCES production_batch(id),
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'reversal') = (reverses IS NOT NULL)),
  CHECK (lot_expiry IS NULL OR lot_code IS NOT NULL)
);
CREATE INDEX stock_move_item_idx ON stock_move (item_id, date, id);
CREATE INDEX stock_move_upt_idx ON stock_move (upt_id, date DESC, id DESC);
CREATE INDEX stock_move_kanwil_idx ON stock_move (kanwil_id, date DESC, id DESC);
CREATE INDEX stock_move_batch_idx ON stock_move (batch_id) WHERE batch_id IS NOT NULL;
CREATE TRIGGER stock_move_no_update BEFORE UPDATE OR DELETE ON stock_move
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER stock_move_no_truncate BEFORE TRUNCATE ON stock_move
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
