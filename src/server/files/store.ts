import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { MIME_TYPES, sanitiseFileName, sniffFileType, type SniffedType } from '../../shared/files/sniff.ts';
import { fieldMessage } from '../../shared/i18n/errors.ts';
import type { Queryable } from '../db/pool.ts';
import { AppError, notFound } from '../http/errors.ts';
import { INLINE_TYPES, MAX_BYTES } from './limits.ts';

/**
 * A small store for uploaded documents and photos, kept in PostgreSQL with the record they belong to
 * (`ownerKind`/`ownerId`) and its scope. The type comes from the bytes, never from the name or the
 * browser; the name is sanitised; sizes are limited per type (`limits.ts`). Files are served only by
 * routes that check the owning record's scope (`fileResponse`), never by a public URL.
 */
export interface StoreFileInput {
  ownerKind: string;
  ownerId: number;
  uptId: number | null;
  kanwilId: number | null;
  fileName: string;
  bytes: Uint8Array;
  uploadedBy: number | null;
  /** Types this owner accepts (default: all the store knows). */
  accept?: readonly SniffedType[];
}

export interface StoredFile {
  id: number;
  fileName: string;
  fileType: SniffedType;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

const mb = (n: number) => Math.round(n / (1024 * 1024));

/** Checks type and size; throws a 415/413 with a field error on `file` saying what is accepted. */
export function checkUpload(bytes: Uint8Array, accept: readonly SniffedType[] = ['pdf', 'jpeg', 'png', 'webp']): SniffedType {
  if (bytes.length === 0) throw new AppError(400, 'VALIDATION', { file: 'file_empty' });
  const type = sniffFileType(bytes);
  if (!type || !accept.includes(type)) throw new AppError(415, 'VALIDATION', { file: 'file_type_refused' });
  if (bytes.length > MAX_BYTES[type]) {
    const key = type === 'pdf' ? 'file_too_large_pdf' : 'file_too_large_image';
    const max = mb(MAX_BYTES[type]);
    throw new AppError(413, 'VALIDATION', { file: { id: fieldMessage(key, 'id', { max }), en: fieldMessage(key, 'en', { max }) } });
  }
  return type;
}

export async function storeFile(tx: Queryable, input: StoreFileInput): Promise<StoredFile> {
  const type = checkUpload(input.bytes, input.accept);
  const fileName = sanitiseFileName(input.fileName, type);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const row = await tx.one<{ id: number }>(
    `INSERT INTO stored_file (owner_kind, owner_id, upt_id, kanwil_id, file_name, file_type, mime_type, size_bytes, sha256, content, uploaded_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
    [input.ownerKind, input.ownerId, input.uptId, input.kanwilId, fileName, type, MIME_TYPES[type], input.bytes.length, sha256, Buffer.from(input.bytes), input.uploadedBy],
  );
  return { id: row!.id, fileName, fileType: type, mimeType: MIME_TYPES[type], sizeBytes: input.bytes.length, sha256 };
}

export interface FileContent extends StoredFile {
  content: Buffer;
  ownerKind: string;
  ownerId: number;
}

export async function readFile(db: Queryable, id: number, ownerKinds: readonly string[]): Promise<FileContent | undefined> {
  const r = await db.one<{ id: number; file_name: string; file_type: SniffedType; mime_type: string; size_bytes: number; sha256: string; content: Buffer; owner_kind: string; owner_id: number }>(
    'SELECT id, file_name, file_type, mime_type, size_bytes, sha256, content, owner_kind, owner_id FROM stored_file WHERE id = $1 AND owner_kind = ANY($2::text[])',
    [id, ownerKinds],
  );
  if (!r) return undefined;
  return { id: r.id, fileName: r.file_name, fileType: r.file_type, mimeType: r.mime_type, sizeBytes: r.size_bytes, sha256: r.sha256, content: r.content, ownerKind: r.owner_kind, ownerId: Number(r.owner_id) };
}

export async function listFiles(db: Queryable, ownerKind: string, ownerIds: number[]) {
  return db.query<{ id: number; ownerId: number; fileName: string; fileType: string; sizeBytes: number; uploadedAt: string }>(
    `SELECT id, owner_id::int AS "ownerId", file_name AS "fileName", file_type AS "fileType", size_bytes AS "sizeBytes", to_char(uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "uploadedAt"
       FROM stored_file WHERE owner_kind = $1 AND owner_id = ANY($2::bigint[]) ORDER BY id`,
    [ownerKind, ownerIds],
  );
}

/** Scope of a stored file of one of `ownerKinds` (for a route's target resolver). */
export async function fileScope(db: Queryable, id: number, ownerKinds: readonly string[]) {
  const r = await db.one<{ kanwil_id: number | null; upt_id: number | null }>('SELECT kanwil_id, upt_id FROM stored_file WHERE id = $1 AND owner_kind = ANY($2::text[])', [id, ownerKinds]);
  return r ? { kanwilId: r.kanwil_id, uptId: r.upt_id } : undefined;
}

/** Sends a stored file: its real type, never sniffed by the browser; images inline, documents as attachments. */
export function fileResponse(c: Context, f: FileContent | undefined): Response {
  if (!f) throw notFound();
  const disposition = INLINE_TYPES.includes(f.fileType) ? 'inline' : 'attachment';
  const ascii = f.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(new Uint8Array(f.content), 200, {
    'content-type': f.mimeType,
    'content-length': String(f.sizeBytes),
    'content-disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  });
}
