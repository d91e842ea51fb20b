/**
 * What can be checked of a PDF without a PDF parser in the dependencies: the header and trailer,
 * the number of pages, and the document title (pdfmake writes it as a plain string object).
 * Table text is drawn with subset fonts (glyph ids), so it is not searchable here.
 */
export function pdfFacts(buf: Buffer): { header: boolean; eof: boolean; pages: number; title: string | null } {
  const s = buf.toString('latin1');
  const ref = s.match(/\/Title (\d+) 0 R/)?.[1];
  const title = ref ? (s.match(new RegExp(`\\n${ref} 0 obj\\n\\((.*)\\)\\n`))?.[1] ?? null) : (s.match(/\/Title \((.*?)\)/)?.[1] ?? null);
  return { header: s.startsWith('%PDF-'), eof: s.trimEnd().endsWith('%%EOF'), pages: (s.match(/\/Type \/Page\b/g) ?? []).length, title };
}
