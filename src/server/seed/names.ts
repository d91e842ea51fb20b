/** Common Indonesian given and family names for generated (fictitious) inmates. */
export const GIVEN_NAMES: Record<'L' | 'P', readonly string[]> = {
  L: [
    'Agus', 'Ahmad', 'Andi', 'Arif', 'Bambang', 'Budi', 'Dedi', 'Deni', 'Dimas', 'Eko', 'Fajar', 'Hendra', 'Heru', 'Irwan',
    'Joko', 'Komang', 'Lukman', 'Made', 'Muhammad', 'Nanang', 'Rahmat', 'Rizky', 'Rudi', 'Slamet', 'Sugeng', 'Teguh',
    'Wahyu', 'Yanto', 'Yusuf', 'Zainal', 'Hasan', 'Ilham', 'Ketut', 'Markus', 'Yohanes', 'Stefanus', 'Wayan', 'Putu',
    'Sutrisno', 'Hadi', 'Bayu', 'Galih', 'Iwan', 'Rian', 'Samsul', 'Taufik', 'Yosef', 'Antonius', 'Frans', 'Gede',
  ],
  P: [
    'Ani', 'Dewi', 'Fitri', 'Indah', 'Lestari', 'Maria', 'Nur', 'Putri', 'Ratna', 'Rina', 'Sari', 'Siti', 'Sri', 'Tuti',
    'Wulan', 'Yuli', 'Ayu', 'Desi', 'Eka', 'Lina', 'Mega', 'Novi', 'Rani', 'Susi', 'Yohana', 'Kadek', 'Ni Luh', 'Agnes',
  ],
};

export const FAMILY_NAMES: readonly string[] = [
  'Santoso', 'Wijaya', 'Saputra', 'Pratama', 'Hidayat', 'Nugroho', 'Setiawan', 'Siregar', 'Nasution', 'Harahap', 'Simanjuntak',
  'Lubis', 'Kurniawan', 'Susanto', 'Gunawan', 'Hakim', 'Rahman', 'Sitompul', 'Manurung', 'Sihombing', 'Tanjung', 'Purba',
  'Firmansyah', 'Ramadhan', 'Syahputra', 'Permana', 'Mahendra', 'Lumban Gaol', 'Tambunan', 'Rumbiak', 'Wenda', 'Pattiasina',
  'Latuconsina', 'Daeng', 'Hasibuan', 'Effendi', 'Kusuma', 'Suryadi', 'Hartono', 'Halim', 'Tanoto', 'Sembiring', 'Ginting',
];

export const BALINESE_PREFIXES: Record<'L' | 'P', readonly string[]> = {
  L: ['I Wayan', 'I Made', 'I Nyoman', 'I Ketut', 'I Putu', 'I Gede'],
  P: ['Ni Wayan', 'Ni Made', 'Ni Nyoman', 'Ni Ketut', 'Ni Putu', 'Ni Kadek'],
};
