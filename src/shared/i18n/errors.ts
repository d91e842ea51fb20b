import type { Bilingual, Lang } from './lang.ts';

/** Error codes the API returns, each with its message in both languages. */
export const ERROR_MESSAGES = {
  VALIDATION: { id: 'Ada isian yang belum benar. Periksa kolom yang ditandai.', en: 'Some fields are not valid. Check the marked fields.' },
  UNAUTHENTICATED: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  FORBIDDEN: { id: 'Anda tidak berwenang melakukan ini.', en: 'You are not allowed to do this.' },
  OUT_OF_SCOPE: { id: 'Data ini di luar wilayah kewenangan Anda.', en: 'This record is outside your scope.' },
  NOT_FOUND: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  CONFLICT_VERSION: {
    id: 'Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi perubahan Anda.',
    en: 'Someone else changed this record after you opened it. Reload it and make your change again.',
  },
  DUPLICATE: { id: 'Data yang sama sudah ada.', en: 'The same record already exists.' },
  CSRF: { id: 'Sesi formulir tidak sah. Muat ulang halaman lalu coba lagi.', en: 'Invalid form token. Reload the page and try again.' },
  LOGIN_FAILED: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  ACCOUNT_LOCKED: {
    id: 'Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi nanti atau hubungi admin.',
    en: 'The account is locked for a while after too many failed attempts. Try later or contact an administrator.',
  },
  RATE_LIMITED: { id: 'Terlalu banyak percobaan. Tunggu beberapa menit.', en: 'Too many attempts. Wait a few minutes.' },
  PASSWORD_CHANGE_REQUIRED: { id: 'Ganti kata sandi Anda terlebih dahulu.', en: 'Change your password first.' },
  BAD_REQUEST: { id: 'Permintaan tidak dapat diproses.', en: 'The request cannot be processed.' },
  PAYLOAD_TOO_LARGE: { id: 'Data yang dikirim terlalu besar.', en: 'The data sent is too large.' },
  UNAVAILABLE: {
    id: 'Layanan sedang tidak dapat menjangkau basis data. Coba lagi sebentar lagi; tidak ada yang tersimpan.',
    en: 'The service cannot reach its database right now. Try again shortly; nothing was saved.',
  },
  INTERNAL: { id: 'Terjadi kesalahan pada server. Coba lagi.', en: 'Something went wrong on the server. Try again.' },
} satisfies Record<string, Bilingual>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/**
 * Field-level messages. Schemas refer to these by key (`msg:<key>`), so one schema serves the
 * API, the OpenAPI document and the web form in either language.
 */
export const FIELD_MESSAGES = {
  required: { id: 'Wajib diisi.', en: 'Required.' },
  invalid: { id: 'Isian tidak valid.', en: 'Invalid value.' },
  too_short: { id: 'Minimal {min} karakter.', en: 'At least {min} characters.' },
  too_long: { id: 'Maksimal {max} karakter.', en: 'At most {max} characters.' },
  too_small_number: { id: 'Minimal {min}.', en: 'At least {min}.' },
  too_big_number: { id: 'Maksimal {max}.', en: 'At most {max}.' },
  not_integer: { id: 'Harus bilangan bulat.', en: 'Must be a whole number.' },
  not_number: { id: 'Harus berupa angka.', en: 'Must be a number.' },
  invalid_option: { id: 'Pilih salah satu pilihan yang tersedia.', en: 'Choose one of the options.' },
  invalid_date: { id: 'Tanggal tidak valid (format YYYY-MM-DD).', en: 'Invalid date (format YYYY-MM-DD).' },
  invalid_email: { id: 'Alamat email tidak valid.', en: 'Invalid email address.' },
  unknown_field: { id: 'Kolom tidak dikenal: {keys}.', en: 'Unknown field: {keys}.' },
  unstorable_text: {
    id: 'Teks memuat karakter yang tidak dapat disimpan (karakter NUL atau karakter Unicode rusak).',
    en: 'The text holds a character that cannot be stored (a NUL or a broken Unicode character).',
  },
  password_weak: {
    id: 'Kata sandi minimal 10 karakter, memuat huruf dan angka, dan tidak sama dengan nama pengguna.',
    en: 'Passwords need at least 10 characters, with letters and digits, and must differ from the username.',
  },
  password_common: { id: 'Kata sandi ini terlalu umum.', en: 'This password is too common.' },
  password_mismatch: { id: 'Konfirmasi kata sandi tidak sama.', en: 'The confirmation does not match.' },
  password_same: { id: 'Kata sandi baru harus berbeda dari yang lama.', en: 'The new password must differ from the old one.' },
  password_wrong: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  username_format: {
    id: 'Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.',
    en: 'Usernames are 3–40 characters: lower-case letters, digits, dot, underscore or hyphen.',
  },
  scope_mismatch: { id: 'Wilayah tidak sesuai dengan peran.', en: 'The scope does not fit the role.' },
  kanwil_unknown: { id: 'Kanwil tidak dikenal.', en: 'Unknown Kanwil.' },
  upt_unknown: { id: 'UPT tidak dikenal.', en: 'Unknown unit.' },
  upt_not_in_kanwil: { id: 'UPT tidak berada di Kanwil ini.', en: 'The unit is not under this Kanwil.' },
  username_taken: { id: 'Nama pengguna sudah dipakai.', en: 'The username is taken.' },
  no_register_taken: { id: 'No Register ini sudah ada di UPT tersebut.', en: 'This register number already exists in that unit.' },
  date_in_future: { id: 'Tanggal tidak boleh setelah hari ini.', en: 'The date cannot be after today.' },
  not_an_occasion: {
    id: 'Tanggal ini bukan hari remisi untuk jenis tersebut (RU/dasawarsa: 17 Agustus; RK: hari raya keagamaan).',
    en: 'This date is not an occasion for that kind (RU/dasawarsa: 17 August; RK: a religious holiday).',
  },
  run_exists: { id: 'Usulan remisi untuk hari ini sudah ada.', en: 'A remission run for this occasion already exists.' },
  wrong_step: { id: 'Langkah ini tidak sesuai status usulan saat ini.', en: 'This step does not fit the run’s current status.' },
  file_unreadable: {
    id: 'Berkas tidak dapat dibaca. Gunakan CSV (pemisah ; atau ,) atau XLSX dengan baris judul kolom.',
    en: 'The file cannot be read. Use CSV (separated by ; or ,) or XLSX with a header row.',
  },
  file_too_large: { id: 'Berkas terlalu besar (maksimal 20 MB).', en: 'The file is too large (20 MB at most).' },
  mapping_incomplete: { id: 'Pemetaan kolom belum lengkap: No Register dan Nama wajib.', en: 'The column mapping is incomplete: register number and name are required.' },
  rows_rejected: {
    id: 'Ada baris yang ditolak. Perbaiki berkasnya, atau pilih "lewati baris yang ditolak".',
    en: 'Some rows were rejected. Fix the file, or choose to skip the rejected rows.',
  },
  below_floor: { id: 'Tarif di bawah batas minimum premi yang berlaku.', en: 'The rate is below the minimum premi in force.' },
  not_eligible: { id: 'Tidak memenuhi syarat.', en: 'Not eligible.' },
  shares_sum: { id: 'Jumlah bagian harus tepat 100%.', en: 'The shares must add up to exactly 100%.' },
  price_missing: { id: 'Produk ini belum berharga jual; isi harga satuan.', en: 'This product has no selling price yet; enter a unit price.' },
  product_other_upt: { id: 'Produk ini bukan milik UPT penjual.', en: 'This product does not belong to the selling unit.' },
  location_other_upt: { id: 'Lokasi stok ini bukan milik UPT penjual.', en: 'This stock location does not belong to the selling unit.' },
  no_stock_item: { id: 'Produk ini belum pernah diproduksi atau diterima ke stok.', en: 'This product has never been produced or received into stock.' },
  payment_not_allowed: { id: 'Pembayaran belum/tidak dapat dicatat pada status ini.', en: 'A payment cannot be recorded in this status.' },
  overpayment: { id: 'Jumlah melebihi sisa tagihan ({max}).', en: 'The amount exceeds what is still due ({max}).' },
  payment_split: { id: 'Hasil penjualan ini sudah dibagi; batalkan pembagian hasil bulan itu dulu.', en: 'The proceeds of this sale were already shared; reverse that month’s split first.' },
  already_reversed: { id: 'Sudah dibatalkan sebelumnya.', en: 'Already reversed.' },
  payment_required: { id: 'Penjualan langsung harus dibayar saat itu juga: pilih cara bayar.', en: 'A direct sale is paid on the spot: choose a payment method.' },
  payment_not_expected: { id: 'Pesanan instansi dibayar setelah ditagih, bukan saat dicatat.', en: 'An institutional order is paid after invoicing, not when recorded.' },
  not_consignment: { id: 'Lokasi ini bukan toko konsinyasi.', en: 'This location is not a consignment shop.' },
  no_rule: { id: 'Belum ada aturan bagi hasil yang berlaku untuk bulan ini.', en: 'No proceeds split rule is in force for this month.' },
  nothing_to_split: { id: 'Tidak ada penjualan lunas yang belum dibagi pada bulan ini.', en: 'No fully paid, unshared sales in this month.' },
  no_workers: { id: 'Tidak ada WBP yang bekerja pada kegiatan ini di bulan tersebut untuk menerima premi.', en: 'No inmate worked on this activity in that month to receive the premi.' },
  month_in_future: { id: 'Bulan belum dimulai.', en: 'The month has not begun.' },
  no_parent_target: { id: 'Target induk (nasional/Kanwil) untuk tahun ini belum ditetapkan.', en: 'The parent target (national/Kanwil) for this year is not set yet.' },
  allocation_sum: { id: 'Jumlah alokasi harus sama dengan target induk.', en: 'The allocations must add up to the parent target.' },
  ratio_not_split: { id: 'Target rasio tidak dibagi proporsional; gunakan nilai yang sama atau isi per unit.', en: 'A ratio target is not split proportionally; use the same value or enter one per unit.' },
  indicator_not_manual: { id: 'Realisasi indikator ini dihitung dari catatan, bukan diisi manual.', en: 'This indicator is computed from records, not entered by hand.' },
  report_exists: { id: 'Laporan bulan ini untuk UPT tersebut sudah ada.', en: 'This unit already has a report for that month.' },
  month_not_over: { id: 'Laporan hanya untuk bulan yang sedang berjalan atau sudah lewat.', en: 'Reports are for the current or a past month only.' },
  already_released: { id: 'WBP ini sudah tercatat bebas/keluar.', en: 'This inmate is already recorded as released.' },
  kode_billing_format: { id: 'Kode billing harus tepat 15 angka.', en: 'A kode billing has exactly 15 digits.' },
  ntpn_format: { id: 'NTPN harus tepat 16 huruf/angka.', en: 'An NTPN has exactly 16 letters or digits.' },
  code6_format: { id: 'Kode harus tepat 6 angka.', en: 'The code has exactly 6 digits.' },
  month_format: { id: 'Bulan tidak valid (format YYYY-MM).', en: 'Invalid month (format YYYY-MM).' },
  // Catalogue and order requests.
  invalid_phone: { id: 'Nomor telepon tidak valid (contoh 0812 3456 7890 atau +62 812 3456 7890).', en: 'Invalid phone number (e.g. 0812 3456 7890 or +62 812 3456 7890).' },
  contact_required: { id: 'Isi email atau nomor telepon agar UPT dapat menghubungi Anda.', en: 'Give an email address or a phone number so the unit can reach you.' },
  institution_required: { id: 'Nama instansi wajib diisi untuk pemesan instansi.', en: 'The institution’s name is required for an institutional buyer.' },
  no_items: { id: 'Isi jumlah untuk sedikitnya satu produk.', en: 'Enter a quantity for at least one product.' },
  product_unavailable: { id: 'Produk ini tidak lagi tersedia di katalog.', en: 'This product is no longer in the catalogue.' },
  one_upt_per_request: { id: 'Semua produk dalam satu permintaan harus dari UPT yang sama.', en: 'All products in one request must come from the same unit.' },
  reason_required: { id: 'Alasan wajib diisi.', en: 'A reason is required.' },
  status_transition: { id: 'Status ini tidak dapat dipilih dari status saat ini.', en: 'This status cannot follow the current one.' },
  photo_type: { id: 'Foto harus berupa JPEG, PNG atau WebP.', en: 'The photo must be a JPEG, PNG or WebP image.' },
  photo_too_large: { id: 'Foto terlalu besar (maksimal 5 MB).', en: 'The photo is too large (5 MB at most).' },
  photo_limit: { id: 'Sudah ada 6 foto untuk produk ini. Hapus satu terlebih dahulu.', en: 'This product already has 6 photos. Remove one first.' },
  spam_field: { id: 'Formulir tidak dapat dikirim. Kosongkan kolom tersembunyi lalu coba lagi.', en: 'The form cannot be sent. Leave the hidden field empty and try again.' },
  end_before_start: { id: 'Tanggal selesai tidak boleh sebelum tanggal mulai.', en: 'The end date cannot be before the start date.' },
  certificate_number_required: { id: 'Nomor sertifikat BNSP wajib diisi untuk hasil Kompeten.', en: 'The BNSP certificate number is required for a competent result.' },
  certificate_taken: { id: 'Nomor sertifikat ini sudah tercatat untuk skema dan LSP yang sama.', en: 'This certificate number is already recorded for the same scheme and LSP.' },
  already_competent: { id: 'Peserta ini sudah dinyatakan Kompeten.', en: 'This participant is already competent.' },
  not_completed: { id: 'Uji kompetensi hanya untuk peserta yang telah menyelesaikan pelatihan.', en: 'Only participants who completed the programme can be tested.' },
  file_type_refused: { id: 'Jenis berkas tidak diterima. Unggah PDF, JPG, PNG atau WEBP.', en: 'This file type is not accepted. Upload a PDF, JPG, PNG or WEBP.' },
  file_too_large_pdf: { id: 'Berkas PDF terlalu besar (maksimal {max} MB).', en: 'The PDF is too large ({max} MB at most).' },
  file_too_large_image: { id: 'Gambar terlalu besar (maksimal {max} MB).', en: 'The image is too large ({max} MB at most).' },
  file_empty: { id: 'Berkas kosong.', en: 'The file is empty.' },
  agreement_too_long: { id: 'Jangka waktu perjanjian paling lama 25 tahun.', en: 'An agreement lasts 25 years at most.' },
  not_bapas: { id: 'Kelompok Pokmas Lipas dibentuk di Bapas.', en: 'Pokmas Lipas groups are formed at a Bapas.' },
  not_in_scope_record: { id: 'Data terkait tidak ditemukan di wilayah ini.', en: 'The linked record was not found in this scope.' },
} satisfies Record<string, Bilingual>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export function errorMessage(code: ErrorCode, lang: Lang): string {
  return ERROR_MESSAGES[code][lang];
}

export function fieldMessage(key: FieldMessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return FIELD_MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
