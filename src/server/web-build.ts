import path from 'node:path';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { REPO_ROOT, WEB_DIST } from './paths.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app when it is missing or older than its sources, so what is served is current. */
export async function ensureWebBuild(log: (msg: string) => void = console.log): Promise<void> {
  const index = path.join(WEB_DIST, 'index.html');
  if (!existsSync(path.join(REPO_ROOT, 'index.html'))) return; // no web app in this tree
  const sources = [path.join(REPO_ROOT, 'src', 'web'), path.join(REPO_ROOT, 'src', 'shared')].filter(existsSync);
  const newest = Math.max(...sources.map(newestMtime), statSync(path.join(REPO_ROOT, 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= newest) return;
  log('Menyiapkan aplikasi web (vite build)… / building the web app…');
  const { build } = await import('vite');
  await build({ root: REPO_ROOT, logLevel: 'warn', configFile: path.join(REPO_ROOT, 'vite.config.ts') });
}
