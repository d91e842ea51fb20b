/**
 * Parses a UPT (unit pelaksana teknis) name as written in the national list
 * (shared/data/upt/daftar-upt-nasional.csv: upper case, `KELAS II A` or `KELAS IIA`, modifier
 * before or after the class) into type, class, modifiers and place, and builds one normalised
 * display name. Pure; never throws — odd input comes back as a best effort with `problems`.
 */

export type UptType = 'lapas' | 'rutan' | 'cabang_rutan' | 'lpka' | 'lpp' | 'bapas' | 'rupbasan' | 'sae' | 'rs';
/** 'II' is the grade of Bapas and LPKA, which have no A/B split. */
export type UptClass = 'I' | 'II' | 'IIA' | 'IIB' | 'III';
export type UptModifier = 'narkotika' | 'perempuan' | 'pemuda' | 'terbuka' | 'khusus' | 'industri';

export interface ParsedUptName {
  /** The source value, untouched. */
  rawName: string;
  /** Normalised display name, e.g. "Lapas Perempuan Kelas IIA Medan". */
  name: string;
  type: UptType;
  /** The type words as found, e.g. "LAPAS" or "LEMBAGA PEMBINAAN KHUSUS ANAK"; null when not recognised. */
  typeRaw: string | null;
  /**
   * Null when absent, unrecognised, or "KELAS II": Bapas and LPKA are graded I/II without the
   * A/B split of Lapas/Rutan, and the product's class list (I, IIA, IIB, III) has no plain II.
   * `classRaw` and `name` keep the "II".
   */
  class: UptClass | null;
  /** The class words as found, e.g. "KELAS II A". */
  classRaw: string | null;
  /** In the canonical order of MODIFIER_ORDER, without repeats. */
  modifiers: UptModifier[];
  /** Title case, old names kept as in the source ("Ujung Pandang"). */
  place: string | null;
  /** Empty when the name parsed cleanly. */
  problems: string[];
}

/** Canonical order of modifiers, in arrays and in display names ("Lapas Narkotika Perempuan …"). */
export const MODIFIER_ORDER: readonly UptModifier[] = ['narkotika', 'perempuan', 'pemuda', 'terbuka', 'khusus', 'industri'];

const MODIFIER_WORDS: Readonly<Record<string, UptModifier>> = {
  NARKOTIKA: 'narkotika',
  PEREMPUAN: 'perempuan',
  // Older documents say "LP Wanita" for the women's prison.
  WANITA: 'perempuan',
  PEMUDA: 'pemuda',
  TERBUKA: 'terbuka',
  KHUSUS: 'khusus',
  INDUSTRI: 'industri',
};

const MODIFIER_LABEL: Readonly<Record<UptModifier, string>> = {
  narkotika: 'Narkotika',
  perempuan: 'Perempuan',
  pemuda: 'Pemuda',
  terbuka: 'Terbuka',
  khusus: 'Khusus',
  industri: 'Industri',
};

interface TypePhrase {
  words: readonly string[];
  type: UptType;
  implies?: UptModifier;
}

/**
 * Leading words that name the type, long forms and abbreviations. Matched longest first, so
 * "LEMBAGA PEMBINAAN KHUSUS ANAK" (LPKA, UU 11/2012 on juvenile justice) wins over a bare
 * "LEMBAGA" and its KHUSUS is not read as the 'khusus' modifier, and "CABANG RUTAN" wins over
 * "RUTAN".
 */
const TYPE_PHRASES: readonly TypePhrase[] = ([
  { words: ['LEMBAGA', 'PEMBINAAN', 'KHUSUS', 'ANAK'], type: 'lpka' },
  { words: ['LPKA'], type: 'lpka' },
  { words: ['LEMBAGA', 'PEMASYARAKATAN', 'PEREMPUAN'], type: 'lpp', implies: 'perempuan' },
  { words: ['LEMBAGA', 'PEMASYARAKATAN'], type: 'lapas' },
  { words: ['LAPAS'], type: 'lapas' },
  { words: ['LP'], type: 'lapas' },
  { words: ['LPP'], type: 'lpp', implies: 'perempuan' },
  { words: ['CABANG', 'RUMAH', 'TAHANAN', 'NEGARA'], type: 'cabang_rutan' },
  { words: ['CABANG', 'RUMAH', 'TAHANAN'], type: 'cabang_rutan' },
  { words: ['CABANG', 'RUTAN'], type: 'cabang_rutan' },
  { words: ['CABRUTAN'], type: 'cabang_rutan' },
  { words: ['RUMAH', 'TAHANAN', 'NEGARA'], type: 'rutan' },
  { words: ['RUMAH', 'TAHANAN'], type: 'rutan' },
  { words: ['RUTAN'], type: 'rutan' },
  { words: ['BALAI', 'PEMASYARAKATAN'], type: 'bapas' },
  { words: ['BAPAS'], type: 'bapas' },
  { words: ['RUMAH', 'PENYIMPANAN', 'BENDA', 'SITAAN', 'NEGARA'], type: 'rupbasan' },
  { words: ['RUPBASAN'], type: 'rupbasan' },
  { words: ['SARANA', 'ASIMILASI', 'DAN', 'EDUKASI'], type: 'sae' },
  { words: ['SAE'], type: 'sae' },
  { words: ['RUMAH', 'SAKIT', 'UMUM', 'PENGAYOMAN'], type: 'rs' },
  { words: ['RUMAH', 'SAKIT', 'PENGAYOMAN'], type: 'rs' },
  { words: ['RUMAH', 'SAKIT', 'UMUM'], type: 'rs' },
  { words: ['RUMAH', 'SAKIT'], type: 'rs' },
  { words: ['RSU', 'PENGAYOMAN'], type: 'rs' },
  { words: ['RS', 'PENGAYOMAN'], type: 'rs' },
  { words: ['RSU'], type: 'rs' },
  { words: ['RS'], type: 'rs' },
] satisfies TypePhrase[]).sort((a, b) => b.words.length - a.words.length);

const TYPE_LABEL: Readonly<Record<Exclude<UptType, 'rs'>, string>> = {
  lapas: 'Lapas',
  // LPP is a Lapas Perempuan; the 'perempuan' modifier supplies the second word.
  lpp: 'Lapas',
  rutan: 'Rutan',
  cabang_rutan: 'Cabang Rutan',
  lpka: 'LPKA',
  bapas: 'Bapas',
  rupbasan: 'Rupbasan',
  sae: 'SAE',
};

/** Types graded by class; the others (hospital, branch remand centre, SAE) have none in the list. */
const CLASSED_TYPES: ReadonlySet<UptType> = new Set(['lapas', 'lpp', 'rutan', 'lpka', 'bapas', 'rupbasan']);

/** Class words: "KELAS", and the abbreviation seen in letters. */
const CLASS_WORDS: ReadonlySet<string> = new Set(['KELAS', 'KLS']);

/** Class spellings → canonical label. "II" alone is the Bapas/LPKA grade (see ParsedUptName.class). */
const CLASS_TOKENS: Readonly<Record<string, string>> = {
  I: 'I',
  '1': 'I',
  II: 'II',
  '2': 'II',
  IIA: 'IIA',
  '2A': 'IIA',
  IIB: 'IIB',
  '2B': 'IIB',
  III: 'III',
  '3': 'III',
};

/** Words kept upper case in display names: class numerals and acronyms ("OKU" = Ogan Komering Ulu). */
const KEEP_UPPER: ReadonlySet<string> = new Set(['I', 'II', 'III', 'IV', 'IIA', 'IIB', 'LPKA', 'LPP', 'SAE', 'RSU', 'RS', 'OKU', 'DKI', 'DIY', 'NTB', 'NTT', 'RI', 'SAW']);
const KEEP_LOWER: ReadonlySet<string> = new Set(['DAN']);

/** Upper-case words; punctuation other than inner hyphens and apostrophes separates words. */
export function tokenizeUptName(raw: string): string[] {
  return raw
    .normalize('NFKC')
    .toUpperCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{M}\p{N}'’-]+/u)
    .map((word) => word.replace(/^['’-]+|['’-]+$/gu, ''))
    .filter((word) => word.length > 0);
}

/**
 * A letter goes to lower case only when upper-casing it again gives it back: "ẞ" stays "ẞ", since
 * "ß" upper-cases to "SS". Real UPT names are plain A–Z, but a name typed in a form or an export may
 * hold anything, and the display name must survive being upper-cased and parsed again.
 */
function lowerReversibly(char: string): string {
  const lower = char.toLowerCase();
  return lower.toUpperCase() === char ? lower : char;
}

function capitalise(part: string): string {
  if (KEEP_UPPER.has(part)) return part;
  const [first = '', ...rest] = [...part];
  return first.toUpperCase() + rest.map(lowerReversibly).join('');
}

/** Title case for upper-case words, keeping class numerals and acronyms: "BAU-BAU" → "Bau-Bau". */
export function titleCaseWords(words: readonly string[]): string {
  return words
    .map((word, index) => {
      const upper = word.toUpperCase();
      if (index > 0 && KEEP_LOWER.has(upper)) return upper.toLowerCase();
      if (KEEP_UPPER.has(upper)) return upper;
      return upper
        .split(/(['’-])/u)
        .map((part) => (part === '-' || part === "'" || part === '’' ? part : capitalise(part)))
        .join('');
    })
    .join(' ');
}

function startsWith(tokens: readonly string[], words: readonly string[], at = 0): boolean {
  return words.every((word, k) => tokens[at + k] === word);
}

function matchTypePhrase(tokens: readonly string[]): TypePhrase | null {
  return TYPE_PHRASES.find((phrase) => startsWith(tokens, phrase.words)) ?? null;
}

/** Reads "KELAS II A", "KELAS IIA", "KELAS II-A", "KLS 2A" at `at`; returns label and words used. */
function readClass(tokens: readonly string[], at: number): { label: string | null; length: number } {
  const first = tokens[at + 1];
  const label = first === undefined ? undefined : CLASS_TOKENS[first.replace(/[-'’]/gu, '')];
  if (label === undefined) return { label: null, length: 0 };
  const next = tokens[at + 2];
  if (label === 'II' && (next === 'A' || next === 'B')) return { label: `II${next}`, length: 3 };
  return { label, length: 2 };
}

const RS_QUALIFIERS: ReadonlySet<string> = new Set(['UMUM', 'PENGAYOMAN']);

function rsLabel(typeWords: readonly string[]): string {
  const general = typeWords.includes('UMUM') || typeWords.includes('RSU');
  const pengayoman = typeWords.includes('PENGAYOMAN');
  return `Rumah Sakit${general ? ' Umum' : ''}${pengayoman ? ' Pengayoman' : ''}`;
}

function sortModifiers(found: Iterable<UptModifier>): UptModifier[] {
  const set = new Set(found);
  return MODIFIER_ORDER.filter((m) => set.has(m));
}

export function parseUptName(raw: string): ParsedUptName {
  const text = typeof raw === 'string' ? raw : String(raw);
  const tokens = tokenizeUptName(text);
  const problems: string[] = [];
  if (tokens.length === 0) {
    return { rawName: text, name: '', type: 'lapas', typeRaw: null, class: null, classRaw: null, modifiers: [], place: null, problems: ['empty name'] };
  }

  const phrase = matchTypePhrase(tokens);
  const found = new Set<UptModifier>();
  let index: number;
  let typeEnd = 0;
  let leadLabel = '';
  let type: UptType;
  if (phrase) {
    type = phrase.type;
    index = phrase.words.length;
    if (phrase.implies) found.add(phrase.implies);
    if (type === 'rs') {
      // "RS UMUM", "RSU PENGAYOMAN …": the qualifiers belong to the hospital's name, not its place.
      while (RS_QUALIFIERS.has(tokens[index] ?? '')) index += 1;
      leadLabel = rsLabel(tokens.slice(0, index));
    } else {
      leadLabel = TYPE_LABEL[type];
    }
    typeEnd = index;
  } else {
    // Unknown leading words: read class, modifiers and place after them, and assume the
    // commonest type so the row can still be listed and corrected by hand.
    const classAt = tokens.findIndex((t) => CLASS_WORDS.has(t));
    index = classAt > 0 ? classAt : 0;
    type = 'lapas';
    problems.push(`type not recognised from "${tokens[0] ?? ''}"; assumed lapas`);
  }

  let classLabel: string | null = null;
  let classRaw: string | null = null;
  while (index < tokens.length) {
    const token = tokens[index] ?? '';
    if (CLASS_WORDS.has(token) && classRaw === null) {
      const read = readClass(tokens, index);
      // "KELAS IV", "KELAS" at the end: left in the place, so the name keeps the source's words.
      if (read.label === null) break;
      classRaw = tokens.slice(index, index + read.length).join(' ');
      classLabel = read.label;
      index += read.length;
      continue;
    }
    const modifier = MODIFIER_WORDS[token];
    if (modifier) {
      found.add(modifier);
      index += 1;
      continue;
    }
    // "IIA"/"IIB" without "KELAS" cannot be a place word; plain "I"/"II" could be, so they need "KELAS".
    if (classRaw === null && (token === 'IIA' || token === 'IIB')) {
      classRaw = token;
      classLabel = token;
      index += 1;
      continue;
    }
    break;
  }

  const placeWords = tokens.slice(index);
  const classWordInPlace = placeWords.find((word) => CLASS_WORDS.has(word));
  if (classWordInPlace !== undefined && classRaw === null) problems.push(`class not recognised in "${placeWords.join(' ')}"`);
  else if (classWordInPlace !== undefined) problems.push('class given more than once');
  if (phrase && placeWords.length === 0) problems.push('no place name');
  if (phrase && classRaw === null && classWordInPlace === undefined && CLASSED_TYPES.has(type)) problems.push('no class');

  // LPP = women's prison (DOMAIN.md): a Lapas with the Perempuan modifier, in either word order.
  if (phrase && type === 'lapas' && found.has('perempuan')) type = 'lpp';

  const modifiers = sortModifiers(found);
  const place = placeWords.length > 0 ? titleCaseWords(placeWords) : null;
  const classPart = classLabel ? `Kelas ${classLabel}` : '';
  const modifierPart = modifiers.map((m) => MODIFIER_LABEL[m]).join(' ');
  // "KELAS II PEREMPUAN B…" written as "Perempuan Kelas II B…" would read back as class IIB: keep
  // the source's order in that (theoretical) case.
  const classFirst = classLabel === 'II' && (placeWords[0] === 'A' || placeWords[0] === 'B');
  const name = phrase
    ? [leadLabel, ...(classFirst ? [classPart, modifierPart] : [modifierPart, classPart]), place ?? ''].filter((part) => part.length > 0).join(' ')
    : // Unknown type: no canonical word order to restore, so keep the source's.
      titleCaseWords(tokens);

  const uptClass: UptClass | null =
    classLabel === 'I' || classLabel === 'II' || classLabel === 'IIA' || classLabel === 'IIB' || classLabel === 'III' ? classLabel : null;
  return {
    rawName: text,
    name,
    type,
    typeRaw: phrase ? tokens.slice(0, typeEnd).join(' ') : null,
    class: uptClass,
    classRaw,
    modifiers,
    place,
    problems,
  };
}
