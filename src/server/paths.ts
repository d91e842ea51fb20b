import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const WEB_DIST = path.join(REPO_ROOT, 'dist', 'web');
