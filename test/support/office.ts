import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Exports are opened the way officers open them. CI installs LibreOffice and poppler (.ci/run);
 * on a developer machine without them these checks are skipped — in CI a missing tool fails.
 */
export const hasSoffice = existsSync('/usr/bin/soffice') || !!process.env.CI;
export const hasPdftotext = existsSync('/usr/bin/pdftotext') || !!process.env.CI;

/** LibreOffice's own environment notices, not about the file. */
const ENVIRONMENT_NOTICES = [/failed to launch javaldx/];

/** Opens an XLSX in LibreOffice headless and saves it as CSV: the rows as LibreOffice reads them, and anything it complained about. */
export async function openInLibreOffice(xlsx: Buffer): Promise<{ rows: string[][]; complaints: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'giatja-lo-'));
  try {
    writeFileSync(path.join(dir, 'file.xlsx'), xlsx);
    const { stderr } = await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv', '--outdir', dir, path.join(dir, 'file.xlsx')], { timeout: 120_000 });
    const complaints = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !ENVIRONMENT_NOTICES.some((re) => re.test(l)));
    const csvPath = path.join(dir, 'file.csv');
    if (!existsSync(csvPath)) return { rows: [], complaints: [...complaints, 'no CSV written'] };
    return { rows: parseCsv(readFileSync(csvPath, 'utf8')), complaints };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF, page by page (form feed between pages), as pdftotext lays it out. */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'giatja-pdf-'));
  try {
    writeFileSync(path.join(dir, 'file.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-layout', path.join(dir, 'file.pdf'), '-'], { timeout: 60_000, maxBuffer: 20 * 1024 * 1024 });
    return stdout.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}
