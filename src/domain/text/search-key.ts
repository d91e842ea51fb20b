/**
 * The form names are searched in: lower case, accents and punctuation removed, spaces collapsed
 * ("José  Ñugroho-Putra" → "jose nugroho putra"). Stored beside the name and applied to queries.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
