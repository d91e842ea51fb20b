import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sanitiseFileName, sniffFileType } from './sniff.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('sniffFileType', () => {
  it.each([
    ['pdf', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37)],
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)],
    ['webp', bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50)],
  ] as const)('recognises %s by its signature', (type, b) => {
    expect(sniffFileType(b)).toBe(type);
  });

  it.each([
    ['empty', bytes()],
    ['a truncated PDF signature', bytes(0x25, 0x50, 0x44)],
    ['an executable (MZ)', bytes(0x4d, 0x5a, 0x90, 0)],
    ['a RIFF that is not WEBP (WAV)', bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45)],
    ['HTML', new TextEncoder().encode('<html><script>')],
  ])('refuses %s', (_label, b) => {
    expect(sniffFileType(b)).toBeNull();
  });
});

describe('sanitiseFileName', () => {
  it.each([
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['C:\\Users\\x\\PKS 2026.pdf', 'pdf', 'PKS 2026.pdf'],
    ['surat.pdf.exe', 'pdf', 'surat.pdf.pdf'],
    ['foto produk.JPG', 'jpeg', 'foto produk.jpg'],
    ['...', 'png', 'berkas.png'],
    ['a\u0000b<c>.png', 'png', 'abc.png'],
  ] as const)('%s → %s', (input, type, expected) => {
    expect(sanitiseFileName(input, type)).toBe(expected);
  });

  it('never yields a path, a control character or a leading dot, and ends in the sniffed extension', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('pdf', 'jpeg', 'png', 'webp' as const), (name, type) => {
        const out = sanitiseFileName(name, type);
        expect(out).not.toMatch(/[\\/]/);
        // eslint-disable-next-line no-control-regex -- asserting their absence
        expect(out).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(out.startsWith('.')).toBe(false);
        expect(out.length).toBeLessThanOrEqual(125);
        expect(out.endsWith({ pdf: '.pdf', jpeg: '.jpg', png: '.png', webp: '.webp' }[type])).toBe(true);
      }),
    );
  });
});
