import type { Queryable } from '../../db/pool.ts';

/**
 * The catalogue: the 15 points of Resolusi Pemasyarakatan 2020 (Kepdirjenpas PAS-03.PR.01.01/2020)
 * and the food-security, PNBP, training and work KPIs. `source_key` names the realisation source;
 * a key with no source yet ('pnbp', 'trained', 'certified', 'pokmas') is entered manually with
 * evidence until that module's source is registered. Loaded by the seed and by the daily rollup
 * job (existing codes are left as they are), never by a migration: a freshly migrated database
 * must stay empty for a restore.
 */
const CATALOGUE_SQL = `INSERT INTO indicator (code, programme, point, name_id, name_en, definition_id, definition_en, unit, scale, direction, time_aggregate, ratio, source_key, sort) VALUES
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
('KPI-PRODUKSI','kpi-kerja',NULL,'Batch produksi','Production batches','Batch produksi yang selesai.','Production batches completed.','batch',1,'higher','sum',false,'production_batches',27)
ON CONFLICT (code) DO NOTHING`;

export async function ensureCatalogue(q: Queryable): Promise<void> {
  await q.query(CATALOGUE_SQL);
}
