/**
 * What an uploaded file really is, from its first bytes — never from its name or the browser's
 * declared type, which a user (or an attacker) chooses freely. Pure: used by every upload
 * (documents, product photos) on the server and by forms to refuse early in the browser.
 */
export type SniffedType = 'pdf' | 'jpeg' | 'png' | 'webp';

export const MIME_TYPES: Record<SniffedType, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

export const EXTENSIONS: Record<SniffedType, string> = { pdf: 'pdf', jpeg: 'jpg', png: 'png', webp: 'webp' };

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp'; // RIFF....WEBP
  return null;
}

const MAX_NAME = 120;

/**
 * A file name safe to store and to send back in Content-Disposition: no directories, no control
 * or reserved characters, no leading dots, bounded length, and the extension of what the bytes
 * really are (so "surat.pdf.exe" holding a PDF comes back as "surat.pdf.pdf", never as .exe).
 */
export function sanitiseFileName(name: string, type: SniffedType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const stem = base
    .normalize('NFKC')
    .replace(/\.[^.]*$/, '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
    .replace(/[\u0000-\u001f\u007f<>:"|?*;]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, MAX_NAME);
  return `${stem || 'berkas'}.${EXTENSIONS[type]}`;
}
