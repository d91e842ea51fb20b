import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.ts';
import { MAX_BYTES } from './limits.ts';
import { checkUpload } from './store.ts';

const withHead = (head: number[], size: number) => {
  const b = new Uint8Array(size);
  b.set(head);
  return b;
};
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function refusal(bytes: Uint8Array, accept?: Parameters<typeof checkUpload>[1]) {
  try {
    checkUpload(bytes, accept);
    return null;
  } catch (e) {
    const err = e as AppError;
    const f = err.fields.file;
    return [err.status, typeof f === 'string' ? f : f?.en];
  }
}

describe('upload checks', () => {
  it('accepts each type up to its limit, read from the bytes', () => {
    expect(checkUpload(withHead(PDF, MAX_BYTES.pdf))).toBe('pdf');
    expect(checkUpload(withHead(PNG, MAX_BYTES.png))).toBe('png');
  });
  it.each([
    ['an empty file', new Uint8Array(0), [400, 'file_empty']],
    ['text pretending to be anything', new TextEncoder().encode('<html></html>'), [415, 'file_type_refused']],
    ['a PDF one byte over 10 MB', withHead(PDF, MAX_BYTES.pdf + 1), [413, 'The PDF is too large (10 MB at most).']],
    ['a PNG one byte over 5 MB', withHead(PNG, MAX_BYTES.png + 1), [413, 'The image is too large (5 MB at most).']],
  ])('refuses %s', (_n, bytes, expected) => {
    expect(refusal(bytes)).toEqual(expected);
  });
  it('refuses a type the owner does not accept (photos only, say)', () => {
    expect(refusal(withHead(PDF, 10), ['jpeg', 'png', 'webp'])).toEqual([415, 'file_type_refused']);
  });
});
