/**
 * Maps Kanwil (regional office) names as written in sources ("D. I. Yogyakarta", "DKI Jakarta")
 * to provinces of the Kemendagri list (shared/data/provinces.csv). There is one Kanwil Ditjenpas
 * per province, so the province is the key; the list of Kanwils itself is data (33 in 2020–2021,
 * more since), only the spelling variants live here.
 */

export interface ProvinceRef {
  code: string;
  name: string;
}

/**
 * Spellings that differ from the Kemendagri name, keyed by `compactKey`, valued with the name as
 * written in provinces.csv. Everything else is expected to be spelt like the province already.
 */
const PROVINCE_ALIASES: Readonly<Record<string, string>> = {
  diyogyakarta: 'Daerah Istimewa Yogyakarta',
  diy: 'Daerah Istimewa Yogyakarta',
  yogyakarta: 'Daerah Istimewa Yogyakarta',
  dkijakarta: 'Daerah Khusus Ibukota Jakarta',
  // UU 2/2024 renamed it "Daerah Khusus Jakarta"; the Kemendagri list used here still says DKI.
  dkjakarta: 'Daerah Khusus Ibukota Jakarta',
  daerahkhususjakarta: 'Daerah Khusus Ibukota Jakarta',
  jakarta: 'Daerah Khusus Ibukota Jakarta',
  bangkabelitung: 'Kepulauan Bangka Belitung',
  babel: 'Kepulauan Bangka Belitung',
  kepbangkabelitung: 'Kepulauan Bangka Belitung',
  kepriau: 'Kepulauan Riau',
  kepri: 'Kepulauan Riau',
  ntb: 'Nusa Tenggara Barat',
  ntt: 'Nusa Tenggara Timur',
  nad: 'Aceh',
  nanggroeacehdarussalam: 'Aceh',
};

/** Prefixes a source may put before the province: "Kanwil Ditjenpas Aceh", "Kantor Wilayah Kemenkumham Bali". */
const OFFICE_PREFIX =
  /^\s*(?:kanwil|kantor\s+wilayah)\s+(?:(?:ditjen\s*pas|direktorat\s+jenderal\s+pemasyarakatan|kemenkumham|kementerian\s+hukum\s+dan\s+ham|kemenimipas)\s+)?/iu;

function stripOfficePrefix(raw: string): string {
  return raw.replace(OFFICE_PREFIX, '');
}

/** Letters and digits only, lower case: "D. I. Yogyakarta" → "diyogyakarta". */
export function compactKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function tidySpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The province name as spelt in provinces.csv, or the tidied input when it has no known variant. */
export function canonicalProvinceName(rawKanwil: string): string {
  const bare = tidySpaces(stripOfficePrefix(rawKanwil));
  return PROVINCE_ALIASES[compactKey(bare)] ?? bare;
}

/** "Kanwil Ditjenpas <province as in provinces.csv>", e.g. "Kanwil Ditjenpas Daerah Istimewa Yogyakarta". */
export function kanwilDisplayName(rawKanwil: string): string {
  return `Kanwil Ditjenpas ${canonicalProvinceName(rawKanwil)}`;
}

/** Kemendagri code of the Kanwil's province ('34' for "D. I. Yogyakarta"), or null when none fits. */
export function provinceCodeForKanwil(rawKanwil: string, provinces: readonly ProvinceRef[]): string | null {
  const key = compactKey(canonicalProvinceName(rawKanwil));
  if (key.length === 0) return null;
  return provinces.find((province) => compactKey(province.name) === key)?.code ?? null;
}
