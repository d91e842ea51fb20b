import pino from 'pino';

/** Personal data and secrets never reach the logs, whatever an object carries. */
export const REDACT_PATHS = [
  'password', '*.password', 'newPassword', '*.newPassword', 'currentPassword', '*.currentPassword',
  'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]',
  'full_name', '*.full_name', 'fullName', '*.fullName', 'nama', '*.nama', 'name_wbp', '*.name_wbp',
  'nik', '*.nik', 'nip', '*.nip', 'email', '*.email', 'birth_date', '*.birth_date', 'tanggal_lahir', '*.tanggal_lahir',
];

export function createLogger(level: string) {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[disembunyikan]' }, base: { app: 'giatja' } });
}
