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

INSERT INTO app_setting (key, value) VALUES ('report_deadline_day', '5'::jsonb) ON CONFLICT DO NOTHING;

-- The catalogue: the 15 points of Resolusi Pemasyarakatan 2020 (Kepdirjenpas PAS-03.PR.01.01/2020)
-- and the food-security, PNBP, training and work KPIs. `source_key` names the realisation source;
-- a key with no source yet ('pnbp', 'trained', 'certified', 'pokmas') is entered manually with
-- evidence until that module's source is registered.
INSERT INTO indicator (code, programme, point, name_id, name_en, definition_id, definition_en, unit, scale, direction, time_aggregate, ratio, source_key, sort) VALUES
('RP20-01','resolusi-2020',1,'Predikat WBK/WBBM satker','WBK/WBBM integrity-zone predicate','Jumlah satker yang meraih predikat Wilayah Bebas dari Korupsi / Wilayah Birokrasi Bersih dan Melayani.','Number of offices holding the integrity-zone predicate (WBK/WBBM).','satker',1,'higher','last',false,'manual',1),
('RP20-02','resolusi-2020',2,'Pemberian remisi','Remission granted','Jumlah pemberian remisi yang tercatat dan tidak dibatalkan.','Number of remission grants recorded and not reversed.','orang',1,'higher','sum',false,'remission',2),
('RP20-03','resolusi-2020',3,'Program integrasi (asimilasi, PB, CB, CMB)','Integration programmes (asimilasi, PB, CB, CMB)','Jumlah WBP yang memperoleh asimilasi, pembebasan bersyarat, cuti bersyarat atau cuti menjelang bebas.','Inmates granted assimilation, parole, conditional leave or pre-release leave.','orang',1,'higher','sum',false,'manual',3),
('RP20-04','resolusi-2020',4,'Rehabilitasi pengguna narkotika','Rehabilitation of drug users','Jumlah WBP pengguna narkotika yang mengikuti rehabilitasi.','Drug-using inmates in rehabilitation.','orang',1,'higher','sum',false,'manual',4),
('RP20-05','resolusi-2020',5,'Uji coba katering makanan siap saji','Ready-meal catering pilots','Jumlah UPT yang menjalankan uji coba penyediaan makanan siap saji.','Units running a ready-meal catering pilot.','satker',1,'higher','last',false,'manual',5),
('RP20-06','resolusi-2020',6,'Pengendalian penyakit menular','Communicable-disease control','Jumlah kegiatan pengendalian penyakit menular (skrining, pengobatan).','Communicable-disease control activities (screening, treatment).','kegiatan',1,'higher','sum',false,'manual',6),
('RP20-07','resolusi-2020',7,'WBP bersertifikat pelatihan keterampilan','Inmates certified after skills training','Jumlah WBP yang memperoleh sertifikat kompetensi (BNSP) setelah pelatihan.','Inmates awarded a competency certificate (BNSP) after training.','orang',1,'higher','sum',false,'certified',7),
('RP20-08','resolusi-2020',8,'Ketahanan pangan: luas tanam','Food security: area planted','Luas tanam tanaman pangan (hektare) dari catatan penanaman.','Hectares planted with food crops, from planting records.','ha',10000,'higher','sum',false,'planted_area',8),
('RP20-09','resolusi-2020',9,'Zero overstaying','Zero overstaying','Jumlah WBP overstay (masa penahanan habis tanpa perpanjangan/putusan, atau melewati tanggal ekspirasi). Target 0.','Inmates overstaying (detention order ended with nothing recorded, or past expiry). Target 0.','orang',1,'lower','last',false,'overstay',9),
('RP20-10','resolusi-2020',10,'Tingkat hunian (overcrowding)','Occupancy (overcrowding)','Rasio hunian = penghuni ÷ kapasitas (overcrowding = rasio − 100%), dari registrasi WBP akhir bulan.','Occupancy ratio = occupants ÷ capacity (overcrowding = ratio − 100%), from the inmate registry at month end.','persen',1,'lower','last',true,'occupancy',10),
('RP20-11','resolusi-2020',11,'PNBP','Non-tax state revenue (PNBP)','PNBP yang disetor ke kas negara (NTPN) dari hasil kegiatan kerja.','Non-tax revenue deposited to the treasury (NTPN) from prison work.','rupiah',1,'higher','sum',false,'pnbp',11),
('RP20-12','resolusi-2020',12,'Pokmas Lipas','Pokmas Lipas community groups','Jumlah kelompok masyarakat peduli pemasyarakatan yang dibentuk di Bapas.','Community groups (Pokmas Lipas) formed at probation offices.','kelompok',1,'higher','last',false,'pokmas',12),
('RP20-13','resolusi-2020',13,'Pendidikan di LPKA','Schooling in LPKA','Jumlah LPKA yang menyelenggarakan pendidikan formal.','Juvenile centres running formal schooling.','satker',1,'higher','last',false,'manual',13),
('RP20-14','resolusi-2020',14,'Revitalisasi Rupbasan','Rupbasan revitalisation','Jumlah Rupbasan yang direvitalisasi.','Seized-goods stores revitalised.','satker',1,'higher','last',false,'manual',14),
('RP20-15','resolusi-2020',15,'Ikrar setia NKRI napi terorisme','NKRI loyalty pledge of terrorism inmates','Jumlah napi terorisme yang mengucapkan ikrar setia kepada NKRI.','Terrorism inmates who pledged loyalty to the Republic.','orang',1,'higher','sum',false,'manual',15),
('KPI-PANGAN-PANEN','kpi-pangan',NULL,'Hasil panen ketahanan pangan','Food-security harvest','Hasil panen pertanian, perikanan dan peternakan (kg) dari catatan panen.','Farming, fisheries and livestock harvest (kg) from harvest records.','kg',1000,'higher','sum',false,'harvest',20),
('KPI-PNBP','kpi-pnbp',NULL,'Realisasi PNBP kegiatan kerja','PNBP from prison work','PNBP hasil kegiatan kerja yang disetor (NTPN).','PNBP from prison work deposited (NTPN).','rupiah',1,'higher','sum',false,'pnbp',21),
('KPI-LATIH','kpi-pelatihan',NULL,'WBP mengikuti pelatihan keterampilan','Inmates trained','Jumlah WBP yang menyelesaikan pelatihan keterampilan.','Inmates who completed skills training.','orang',1,'higher','sum',false,'trained',22),
('KPI-SERTIFIKAT','kpi-pelatihan',NULL,'WBP bersertifikat','Inmates certified','Jumlah WBP yang memperoleh sertifikat kompetensi.','Inmates awarded a competency certificate.','orang',1,'higher','sum',false,'certified',23),
('KPI-KERJA-WBP','kpi-kerja',NULL,'WBP bekerja','Inmates working','WBP yang hadir bekerja minimal sehari dalam bulan (angka bulan terakhir).','Inmates present at work at least one day in the month (latest month).','orang',1,'higher','last',false,'workers',24),
('KPI-KERJA-HARI','kpi-kerja',NULL,'Hari kerja WBP','Inmate work days','Jumlah hari kerja WBP (absensi hadir).','Inmate work days (attendance present).','hari',1,'higher','sum',false,'work_days',25),
('KPI-PREMI','kpi-kerja',NULL,'Premi diperoleh WBP','Premi earned','Premi yang diperoleh WBP (buku premi).','Premi earned by inmates (premi ledger).','rupiah',1,'higher','sum',false,'premi',26),
('KPI-PRODUKSI','kpi-kerja',NULL,'Batch produksi','Production batches','Batch produksi yang selesai.','Production batches completed.','batch',1,'higher','sum',false,'production_batches',27);
