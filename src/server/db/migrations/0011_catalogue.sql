-- Public catalogue of UPT products, order and quotation requests from institutions and the public,
-- and a maintained on-hand quantity per stock item so a public page never replays the ledger.

-- Listing: a product appears in the public catalogue only when published, active and of an active UPT.
ALTER TABLE product ADD COLUMN published boolean NOT NULL DEFAULT false;
ALTER TABLE product ADD COLUMN published_at timestamptz;
-- What the public search reads: name, category and UPT name, lower case, accents and punctuation
-- removed (the same folding as src/domain/text/search-key.ts), kept by the triggers below.
ALTER TABLE product ADD COLUMN search_key text NOT NULL DEFAULT '';
-- The same words as an array: a query word matches through the array index (exact words, after
-- widening the query word to the catalogue words similar to it), far cheaper than a pattern scan.
ALTER TABLE product ADD COLUMN search_words text[] NOT NULL DEFAULT '{}';

CREATE FUNCTION catalogue_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT btrim(regexp_replace(
    translate(lower(coalesce(t, '')), 'àáâãäåāèéêëēìíîïīòóôõöøōùúûüūýÿñçš', 'aaaaaaaeeeeeiiiiiooooooouuuuuyyncs'),
    '[^a-z0-9]+', ' ', 'g'))
$$;

-- Every word the catalogue holds, for typo tolerance: a query word is widened to the known words
-- similar to it (trigram similarity, "kripik" → "keripik"), and products are matched on those.
CREATE TABLE catalogue_word (
  word text PRIMARY KEY
);
CREATE INDEX catalogue_word_trgm_idx ON catalogue_word USING gin (word gin_trgm_ops);

CREATE FUNCTION product_search_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_key := catalogue_fold(NEW.name || ' ' || NEW.category || ' ' || coalesce(
    (SELECT u.name || ' ' || k.raw_name FROM upt u JOIN kanwil k ON k.id = u.kanwil_id WHERE u.id = NEW.upt_id), ''));
  NEW.search_words := ARRAY(SELECT DISTINCT w FROM unnest(string_to_array(NEW.search_key, ' ')) AS w WHERE length(w) >= 2);
  INSERT INTO catalogue_word (word)
    SELECT unnest(NEW.search_words) ON CONFLICT DO NOTHING;
  RETURN NEW;
END
$$;
CREATE TRIGGER product_search_key_trg BEFORE INSERT OR UPDATE OF name, category, upt_id ON product
  FOR EACH ROW EXECUTE FUNCTION product_search_key();

CREATE FUNCTION upt_rename_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.name IS DISTINCT FROM OLD.name THEN
    UPDATE product SET name = name WHERE upt_id = NEW.id; -- fires product_search_key_trg
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER upt_rename_products_trg AFTER UPDATE OF name ON upt
  FOR EACH ROW EXECUTE FUNCTION upt_rename_products();

UPDATE product SET name = name;
CREATE INDEX product_search_words_idx ON product USING gin (search_words) WHERE published AND active;
CREATE INDEX product_listed_idx ON product (category, price_rupiah) WHERE published AND active;
CREATE INDEX product_upt_idx ON product (upt_id);
-- Provenance (batches and workers per product over the last year).
CREATE INDEX production_batch_product_idx ON production_batch (product_id, date);

-- Catalogue photos, public by nature; the bytes live in the database like uploads (0004), so any
-- app process serves them. Sniffed type, sanitised name, at most 5 MB (checked by the service).
CREATE TABLE product_photo (
  id bigserial PRIMARY KEY,
  product_id integer NOT NULL REFERENCES product(id),
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  position integer NOT NULL DEFAULT 0,
  file_name text NOT NULL,
  mime text NOT NULL CHECK (mime IN ('image/jpeg','image/png','image/webp')),
  sha256 text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 5242880),
  content bytea NOT NULL,
  created_by integer REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (product_id, sha256)
);
CREATE INDEX product_photo_product_idx ON product_photo (product_id, position, id);

-- On hand per stock item (all locations and lots), kept by the production module's insertMove in
-- the same transaction as every move; the ledger stays the truth (a test replays it).
CREATE TABLE stock_on_hand (
  item_id integer PRIMARY KEY REFERENCES stock_item(id),
  upt_id integer NOT NULL REFERENCES upt(id),
  qty bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO stock_on_hand (item_id, upt_id, qty)
  SELECT item_id, min(upt_id), sum(qty) FROM stock_move GROUP BY item_id;

-- Order or quotation requests sent from the public catalogue to one UPT. The lead's sales module
-- turns one into an institutional order (status 'converted').
CREATE TABLE order_request_counter (
  id serial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  year integer NOT NULL,
  last_number integer NOT NULL DEFAULT 0 CHECK (last_number >= 0),
  UNIQUE (upt_id, year)
);

CREATE TABLE order_request (
  id bigserial PRIMARY KEY,
  upt_id integer NOT NULL REFERENCES upt(id),
  kanwil_id integer NOT NULL REFERENCES kanwil(id),
  number text NOT NULL,                    -- 'PMN-2026-0001': one gap-free series per UPT and year, orders and quotations alike
  year integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('order','quotation')),
  buyer_kind text NOT NULL CHECK (buyer_kind IN ('ministry','agency','local_government','company','individual')),
  buyer_name text NOT NULL,                -- personal data: shown to the UPT and sales readers only
  institution text,
  email text,
  phone text,
  region text NOT NULL,                    -- where to deliver (regency/city, province)
  notes text,
  total_rupiah bigint NOT NULL CHECK (total_rupiah >= 0),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new','in_progress','answered','declined','converted')),
  status_reason text,
  lang text NOT NULL DEFAULT 'id' CHECK (lang IN ('id','en')),
  idempotency_key text NOT NULL UNIQUE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (upt_id, number),
  CHECK (email IS NOT NULL OR phone IS NOT NULL),
  CHECK (buyer_kind = 'individual' OR institution IS NOT NULL),
  CHECK (status <> 'declined' OR status_reason IS NOT NULL)
);
CREATE INDEX order_request_upt_idx ON order_request (upt_id, status, created_at DESC);
CREATE INDEX order_request_kanwil_idx ON order_request (kanwil_id, created_at DESC);

-- Lines carry the price shown when the request was sent.
CREATE TABLE order_request_line (
  id bigserial PRIMARY KEY,
  request_id bigint NOT NULL REFERENCES order_request(id),
  product_id integer NOT NULL REFERENCES product(id),
  product_name text NOT NULL,
  unit text NOT NULL,
  qty integer NOT NULL CHECK (qty > 0),
  unit_price_rupiah bigint NOT NULL CHECK (unit_price_rupiah >= 0),
  line_total_rupiah bigint NOT NULL CHECK (line_total_rupiah >= 0),
  UNIQUE (request_id, product_id)
);
CREATE INDEX order_request_line_product_idx ON order_request_line (product_id);
