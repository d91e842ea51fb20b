/**
 * Approximate grid positions (column, row) of Indonesia's 38 provinces, west to east and north to
 * south, for a tile map: one square per province, no geometry needed.
 */
export const PROVINCE_TILES: Record<string, [number, number]> = {
  '11': [0, 0], // Aceh
  '12': [1, 0], // Sumatera Utara
  '21': [3, 0], // Kepulauan Riau
  '13': [1, 1], // Sumatera Barat
  '14': [2, 1], // Riau
  '15': [2, 2], // Jambi
  '19': [3, 2], // Kepulauan Bangka Belitung
  '17': [1, 2], // Bengkulu
  '16': [2, 3], // Sumatera Selatan
  '18': [2, 4], // Lampung
  '36': [3, 5], // Banten
  '31': [4, 4], // DKI Jakarta
  '32': [4, 5], // Jawa Barat
  '33': [5, 5], // Jawa Tengah
  '34': [5, 6], // DI Yogyakarta
  '35': [6, 5], // Jawa Timur
  '51': [7, 6], // Bali
  '52': [8, 6], // NTB
  '53': [9, 6], // NTT
  '61': [5, 1], // Kalimantan Barat
  '62': [6, 2], // Kalimantan Tengah
  '63': [7, 3], // Kalimantan Selatan
  '64': [7, 1], // Kalimantan Timur
  '65': [7, 0], // Kalimantan Utara
  '71': [10, 0], // Sulawesi Utara
  '75': [9, 0], // Gorontalo
  '72': [9, 1], // Sulawesi Tengah
  '76': [8, 2], // Sulawesi Barat
  '73': [8, 3], // Sulawesi Selatan
  '74': [9, 3], // Sulawesi Tenggara
  '82': [11, 1], // Maluku Utara
  '81': [11, 3], // Maluku
  '96': [12, 1], // Papua Barat Daya
  '92': [13, 1], // Papua Barat
  '94': [13, 2], // Papua Tengah
  '91': [14, 1], // Papua
  '95': [14, 2], // Papua Pegunungan
  '93': [14, 3], // Papua Selatan
};
export const GRID_COLS = 15;
export const GRID_ROWS = 7;
