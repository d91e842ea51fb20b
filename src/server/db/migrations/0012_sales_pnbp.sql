-- Selling what inmates make, sharing the proceeds and depositing PNBP (DOMAIN.md "Selling what
-- inmates make", "Proceeds split", "Money: PNBP"). Money is integer rupiah; every money table is
-- append-only (corrections are reversals pointing to what they cancel).

-- Which work activity makes a product: the proceeds of its sales may follow that activity's rule.
ALTER TABLE product ADD COLUMN activity_id integer REFERENCES work_activity(id);

-- A consignment location is a partner shop holding the UPT's goods until they are sold.
ALTER TABLE stock_location ADD COLUMN kind text NOT NULL DEFAULT 'store' CHECK (kind IN ('store','consignment'));
ALTER TABLE stock_location ADD COLUMN partner_name text;

-- SIMPONI satker code of the unit (6 digits); generated in the demo until the official list is imported.
ALTER TABLE upt ADD COLUMN satker_code text CHECK (satker_code IS NULL OR satker_code ~ '^[0-9]{6}$');
ALTER TABLE upt ADD COLUMN satker_code_source text;

-- Gap-free numbers per UPT, year and series, allocated under the row lock inside the writing
-- transaction (a failed write gives its number back).
CREATE TABLE sales_counter (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  year integer NOT NULL,
  series text NOT NULL CHECK (series IN ('receipt','invoice','quotation')),
  last_number integer NOT NULL DEFAULT 0 CHECK (last_number >= 0),
  UNIQUE (upt_id, year, series)
);

CREATE TABLE sale (
  id bigserial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  channel text NOT NULL CHECK (channel IN ('counter','institution','marketplace','consignment','meal_supplier')),
  status text NOT NULL CHECK (status IN ('quotation','ordered','delivered','invoiced','paid','cancelled')),
  date date NOT NULL,                       -- sale date, or the quotation's date for an institutional order
  buyer_kind text CHECK (buyer_kind IN ('individual','ministry','agency','local_government','company','meal_supplier','partner_shop','marketplace')),
  buyer_name text,
  buyer_institution text,
  buyer_contact text,                       -- personal data: shown only to sales readers of the scope
  external_reference text,                  -- marketplace order number, e-Katalog package, PO number
  order_request_id integer,                 -- the public catalogue request it answers, if any
  location_id integer NOT NULL REFERENCES stock_location(id),
  quotation_number text,
  invoice_number text,
  total_rupiah bigint NOT NULL CHECK (total_rupiah >= 0),
  paid_rupiah bigint NOT NULL DEFAULT 0,
  cost_rupiah bigint,                       -- cost of the goods delivered, from the stock ledger
  ordered_on date,
  delivered_on date,
  invoiced_on date,
  due_on date,
  paid_on date,
  cancel_reason text,
  note text,
  idempotency_key text NOT NULL UNIQUE,
  version integer NOT NULL DEFAULT 1,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (upt_id, quotation_number),
  UNIQUE (upt_id, invoice_number)
);
CREATE INDEX sale_upt_idx ON sale (upt_id, date DESC, id DESC);
CREATE INDEX sale_kanwil_idx ON sale (kanwil_id, date DESC, id DESC);
CREATE INDEX sale_status_idx ON sale (upt_id, status) WHERE status NOT IN ('paid','cancelled');

CREATE TABLE sale_line (
  id bigserial PRIMARY KEY,
  sale_id bigint NOT NULL REFERENCES sale(id),
  product_id integer NOT NULL REFERENCES product(id),
  activity_id integer REFERENCES work_activity(id),
  qty bigint NOT NULL CHECK (qty > 0),
  unit_price_rupiah bigint NOT NULL CHECK (unit_price_rupiah >= 0),
  amount_rupiah bigint NOT NULL CHECK (amount_rupiah >= 0),
  cost_rupiah bigint,
  split_id bigint                           -- the live proceeds split that shared this line
);
CREATE INDEX sale_line_sale_idx ON sale_line (sale_id);

ALTER TABLE stock_move ADD COLUMN sale_id bigint REFERENCES sale(id);
CREATE INDEX stock_move_sale_idx ON stock_move (sale_id) WHERE sale_id IS NOT NULL;

-- Money received for a sale; each receipt has a gap-free number. Refunds and mistakes are
-- reversals (negative amount pointing to the payment).
CREATE TABLE sale_payment (
  id bigserial PRIMARY KEY,
  sale_id bigint NOT NULL REFERENCES sale(id),
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  date date NOT NULL,
  amount_rupiah bigint NOT NULL CHECK (amount_rupiah <> 0),
  method text NOT NULL CHECK (method IN ('cash','transfer','qris','marketplace','other')),
  receipt_number text,
  reverses bigint UNIQUE REFERENCES sale_payment(id),
  reference text,
  idempotency_key text UNIQUE,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (upt_id, receipt_number),
  CHECK ((reverses IS NULL) = (amount_rupiah > 0))
);
CREATE INDEX sale_payment_upt_idx ON sale_payment (upt_id, date);
CREATE INDEX sale_payment_sale_idx ON sale_payment (sale_id);
CREATE TRIGGER sale_payment_no_update BEFORE UPDATE OR DELETE ON sale_payment
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- Dated proceeds split rules per UPT, optionally per activity (Permenkumham 53/2016; DOMAIN.md):
-- a later rule supersedes from its date; rules are never edited.
CREATE TABLE proceeds_rule (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  activity_id integer REFERENCES work_activity(id),
  valid_from date NOT NULL,
  base text NOT NULL CHECK (base IN ('revenue','profit')),
  premi_bp integer NOT NULL CHECK (premi_bp >= 0),
  pnbp_bp integer NOT NULL CHECK (pnbp_bp >= 0),
  working_capital_bp integer NOT NULL CHECK (working_capital_bp >= 0),
  programme_bp integer NOT NULL CHECK (programme_bp >= 0),
  premi_weight text NOT NULL CHECK (premi_weight IN ('attendance','output')),
  legal_basis text NOT NULL,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (premi_bp + pnbp_bp + working_capital_bp + programme_bp = 10000)
);
CREATE UNIQUE INDEX proceeds_rule_key_idx ON proceeds_rule (upt_id, coalesce(activity_id, 0), valid_from);
CREATE TRIGGER proceeds_rule_no_update BEFORE UPDATE OR DELETE ON proceeds_rule
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- A split applied to the paid sales of a month of a UPT, one row per rule in force (the UPT's, or
-- an activity's for that activity's products). A reversal row mirrors it with negative amounts and
-- frees its sale lines, which a later split may take again.
CREATE TABLE proceeds_split (
  id bigserial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  activity_id integer REFERENCES work_activity(id),
  rule_id integer NOT NULL REFERENCES proceeds_rule(id),
  revenue_rupiah bigint NOT NULL,
  cost_rupiah bigint NOT NULL,
  base_rupiah bigint NOT NULL,
  premi_rupiah bigint NOT NULL,
  pnbp_rupiah bigint NOT NULL,
  working_capital_rupiah bigint NOT NULL,
  programme_rupiah bigint NOT NULL,
  workers integer NOT NULL DEFAULT 0,
  reverses bigint UNIQUE REFERENCES proceeds_split(id),
  reason text,
  idempotency_key text UNIQUE,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (premi_rupiah + pnbp_rupiah + working_capital_rupiah + programme_rupiah = base_rupiah)
);
CREATE INDEX proceeds_split_upt_idx ON proceeds_split (upt_id, month);
ALTER TABLE sale_line ADD CONSTRAINT sale_line_split_fk FOREIGN KEY (split_id) REFERENCES proceeds_split(id);
CREATE INDEX sale_line_split_idx ON sale_line (split_id) WHERE split_id IS NOT NULL;
CREATE INDEX sale_paid_idx ON sale (upt_id, paid_on) WHERE status = 'paid';
CREATE INDEX proceeds_split_kanwil_idx ON proceeds_split (kanwil_id, month);
CREATE TRIGGER proceeds_split_no_update BEFORE UPDATE OR DELETE ON proceeds_split
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- SIMPONI billing (kode billing: 15 digits, expires after about 7 days) and its payment proof
-- (NTPN: 16 characters). A billing is never edited; an unpaid one simply expires.
CREATE TABLE pnbp_billing (
  id bigserial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  kode_billing text NOT NULL UNIQUE CHECK (kode_billing ~ '^[0-9]{15}$'),
  satker_code text NOT NULL CHECK (satker_code ~ '^[0-9]{6}$'),
  account_code text NOT NULL CHECK (account_code ~ '^[0-9]{6}$'),
  amount_rupiah bigint NOT NULL CHECK (amount_rupiah > 0),
  period_month date NOT NULL CHECK (extract(day FROM period_month) = 1),
  description text NOT NULL,
  created_on date NOT NULL,
  expires_on date NOT NULL CHECK (expires_on >= created_on),
  idempotency_key text UNIQUE,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pnbp_billing_upt_idx ON pnbp_billing (upt_id, period_month);
CREATE INDEX pnbp_billing_kanwil_idx ON pnbp_billing (kanwil_id, period_month);
CREATE TRIGGER pnbp_billing_no_update BEFORE UPDATE OR DELETE ON pnbp_billing
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TABLE pnbp_payment (
  id bigserial PRIMARY KEY,
  billing_id bigint NOT NULL REFERENCES pnbp_billing(id),
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  ntpn text NOT NULL CHECK (ntpn ~ '^[0-9A-Z]{16}$'),
  bank text NOT NULL,
  paid_on date NOT NULL,
  amount_rupiah bigint NOT NULL CHECK (amount_rupiah <> 0),
  reverses bigint UNIQUE REFERENCES pnbp_payment(id),
  reason text,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((reverses IS NULL) = (amount_rupiah > 0))
);
CREATE UNIQUE INDEX pnbp_payment_ntpn_idx ON pnbp_payment (ntpn) WHERE reverses IS NULL;
CREATE INDEX pnbp_payment_billing_idx ON pnbp_payment (billing_id);
CREATE INDEX pnbp_payment_upt_idx ON pnbp_payment (upt_id, paid_on);
CREATE TRIGGER pnbp_payment_no_update BEFORE UPDATE OR DELETE ON pnbp_payment
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- Monthly figures per UPT, kept in the same transaction as every sale payment, split, billing
-- and NTPN, so Kanwil and national dashboards read a few hundred rows, never the ledgers.
CREATE TABLE sales_month_rollup (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  revenue_rupiah bigint NOT NULL DEFAULT 0,      -- payments received, net of reversals
  receipts integer NOT NULL DEFAULT 0,           -- payments counted (reversals subtract)
  pnbp_due_rupiah bigint NOT NULL DEFAULT 0,     -- PNBP share of live splits of the month
  premi_shared_rupiah bigint NOT NULL DEFAULT 0, -- premi share of live splits of the month
  pnbp_billed_rupiah bigint NOT NULL DEFAULT 0,  -- billings for the month (incl. expired)
  pnbp_paid_rupiah bigint NOT NULL DEFAULT 0,    -- NTPN recorded for the month's billings
  UNIQUE (upt_id, month)
);
CREATE INDEX sales_month_rollup_kanwil_idx ON sales_month_rollup (kanwil_id, month);
CREATE INDEX sales_month_rollup_month_idx ON sales_month_rollup (month);
