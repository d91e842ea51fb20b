import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Action } from '../../../shared/access/roles.ts';
import { ConsolidatedQuery, ExportFormat, ReportCreateInput, ReportListQuery, ReportReturnInput, ReportStepInput, ReportUpdateInput } from '../../../shared/schemas/indicators.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { filteredRoute, ownScopeRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { resolveUnit } from '../indicators/figures.ts';
import { figuresTable, figureText, letterheadFor, monthName, refreshedLine, writeFile } from './export.ts';
import { reportFigures } from './figures.ts';
import { createReport, findReport, lateReports, listReports, stepReport, updateCommentary, type Report, type ReportStep } from './service.ts';
import { localTime, zoneOfProvince } from '../../../domain/org/time-zone.ts';

const tags = ['Laporan bulanan / Monthly reports'];
const Row = z.record(z.string(), z.unknown());
const Params = z.object({ reportId: PositiveId });
const reportId = (c: Context<AppEnv>) => Number(c.req.param('reportId'));

const reportTarget: TargetResolver = async (c) => {
  const r = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM monthly_report WHERE id = $1', [reportId(c)]);
  return r ? { kanwilId: r.kanwil_id, uptId: r.upt_id } : undefined;
};

const listRoute = defineRoute({
  method: 'get', path: '/reports', tags, summary: 'Laporan bulanan / monthly reports of a month',
  access: filteredRoute('indicator.read'), request: { query: ReportListQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(Row) }), 'Reports in scope'), ...errorResponses },
});
const lateRoute = defineRoute({
  method: 'get', path: '/reports/late', tags, summary: 'Laporan terlambat/belum masuk / late or missing reports',
  access: filteredRoute('indicator.read'), request: { query: z.object({ month: ReportListQuery.shape.month }) },
  responses: { 200: jsonOk(Row, 'UPTs in scope whose report is missing or late, and counts per Kanwil'), ...errorResponses },
});
const consolidatedRoute = defineRoute({
  method: 'get', path: '/reports/consolidated', tags, summary: 'Laporan konsolidasi Kanwil/nasional / consolidated report',
  description: 'The month’s figures of a Kanwil or the nation (from the rollups) with the state of its UPT reports; JSON, XLSX or PDF.',
  access: filteredRoute('indicator.read'), request: { query: ConsolidatedQuery },
  responses: { 200: jsonOk(Row, 'The consolidated report, or the file'), ...errorResponses },
});
const createRouteDef = defineRoute({
  method: 'post', path: '/reports', tags, summary: 'Buat laporan bulanan / start a monthly report',
  description: 'A draft for the UPT and month, its figures filled from the records (rollups).',
  access: ownScopeRoute('report.submit'), request: { body: jsonBody(ReportCreateInput) },
  responses: { 201: jsonOk(Row, 'The draft'), ...errorResponses },
});
const getRoute = defineRoute({
  method: 'get', path: '/reports/{reportId}', tags, summary: 'Rincian laporan / a monthly report',
  access: targetRoute('indicator.read', reportTarget), request: { params: Params },
  responses: { 200: jsonOk(Row, 'The report'), ...errorResponses },
});
const updateRoute = defineRoute({
  method: 'patch', path: '/reports/{reportId}', tags, summary: 'Isi komentar / edit the commentary',
  access: targetRoute('report.submit', reportTarget), request: { params: Params, body: jsonBody(ReportUpdateInput) },
  responses: { 200: jsonOk(Row, 'The report'), ...errorResponses },
});
const exportRoute = defineRoute({
  method: 'get', path: '/reports/{reportId}/export', tags, summary: 'Unduh laporan (XLSX/PDF) / download the report',
  access: targetRoute('indicator.read', reportTarget), request: { params: Params, query: ExportFormat },
  responses: { 200: { description: 'The file' }, ...errorResponses },
});
const stepRoute = (step: ReportStep, action: Action, summary: string, body: z.ZodType) =>
  defineRoute({
    method: 'post', path: `/reports/{reportId}/${step}`, tags, summary,
    access: targetRoute(action, reportTarget), request: { params: Params, body: jsonBody(body) },
    responses: { 200: jsonOk(Row, 'The report after the step'), ...errorResponses },
  });
const STEP_ROUTES = [
  ['submit', stepRoute('submit', 'report.submit', 'Kepala UPT mengirim (angka dibekukan) / the head submits (figures frozen)', ReportStepInput)],
  ['verify', stepRoute('verify', 'report.verify', 'Kanwil memverifikasi / the Kanwil verifies', ReportStepInput)],
  ['return', stepRoute('return', 'report.verify', 'Kanwil mengembalikan dengan alasan / the Kanwil returns it with a reason', ReportReturnInput)],
  ['receive', stepRoute('receive', 'report.receive', 'Pusat menerima / head office receives', ReportStepInput)],
] as const;

/** What a reader must know before trusting the figures: records not yet counted, lines changed since submission. */
function freshnessLines(r: Report): string[] {
  const out: string[] = [];
  if (r.freshness.writesAfterRefresh > 0) {
    out.push(`PERHATIAN: ${r.freshness.writesAfterRefresh} catatan UPT ditulis sesudah rekap dihitung${r.figuresFrozen ? ' dan sebelum laporan dikirim' : ''}; belum termasuk dalam angka ini.`);
  }
  for (const l of r.freshness.changedSinceSubmission) {
    const unit = r.figures.lines.find((x) => x.code === l.code);
    const text = (v: number | null) => (unit ? figureText(v, unit) : String(v ?? '–'));
    out.push(`PERHATIAN: ${l.code} berubah sesudah laporan dikirim (bulan ini ${text(l.frozen.month)} → ${text(l.now.month)}; s.d. bulan ini ${text(l.frozen.toDate)} → ${text(l.now.toDate)}).`);
  }
  return out;
}

export function reportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => c.json({ items: await listReports(c.get('services').db, currentUser(c).scope, c.req.valid('query')) }, 200));
  app.openapi(lateRoute, async (c) => {
    const { db, clock } = c.get('services');
    return c.json(await lateReports(db, currentUser(c).scope, c.req.valid('query').month, clock.today()), 200);
  });
  app.openapi(consolidatedRoute, async (c) => {
    const q = c.req.valid('query');
    const { db, clock } = c.get('services');
    const today = clock.today();
    const scope = currentUser(c).scope;
    const unit = await resolveUnit(db, scope.level === 'upt' ? { level: 'kanwil', kanwilId: scope.kanwilId } : scope, { kanwilId: q.kanwilId });
    const figures = await reportFigures(db, unit, q.month, today);
    const zone = unit.level === 'kanwil' ? zoneOfProvince((await db.one<{ p: string | null }>('SELECT province_code AS p FROM kanwil WHERE id = $1', [unit.kanwilId]))?.p) : 'WIB';
    const unitScope = unit.level === 'kanwil' ? { level: 'kanwil' as const, kanwilId: unit.kanwilId } : { level: 'national' as const };
    const reports = await listReports(db, unitScope, { month: q.month });
    const late = await lateReports(db, unitScope, q.month, today);
    const counts = { upts: late.upts, submitted: reports.filter((r) => r.status !== 'draft' && r.status !== 'returned').length, missing: late.items.filter((i) => i.missing).length, late: late.items.filter((i) => i.late).length };
    // A UPT user sees its Kanwil's totals (figures and counts), but of the reports and the late
    // list only its own UPT's: another UPT's report is not its business.
    const own = <T extends Record<string, unknown>>(rows: T[]) => (scope.level === 'upt' ? rows.filter((r) => r.uptId === scope.uptId) : rows);
    if (q.format === 'json') return c.json({ unit: { ...unit, name: figures.unitName }, kanwilId: unit.level === 'kanwil' ? unit.kanwilId : null, month: q.month, figures, counts, reports: own(reports), late: own(late.items) }, 200);
    const t = figuresTable(
      figures,
      `LAPORAN KONSOLIDASI BULANAN ${unit.level === 'national' ? 'NASIONAL' : figures.unitName.toUpperCase()}`,
      [`Bulan: ${monthName(q.month)}`, `Laporan UPT masuk: ${counts.submitted} dari ${counts.upts}; belum/terlambat: ${counts.missing}/${counts.late}`, refreshedLine(figures.refreshedAt, zone)],
      'Angka Kanwil dan nasional = jumlah angka UPT dari rekap (rasio: jumlah pembilang ÷ jumlah penyebut). Sumber "Manual" = diisi UPT dengan bukti. Kapasitas UPT pada data demo adalah data contoh.',
      letterheadFor(unit.level === 'kanwil' ? figures.unitName : ''),
    );
    t.signatories = [{ role: unit.level === 'national' ? 'Direktur Jenderal Pemasyarakatan' : 'Kepala Kantor Wilayah', position: figures.unitName, name: null, nip: null, place: null, date: null }];
    const file = await writeFile(t, q.format, `konsolidasi-${unit.level === 'national' ? 'nasional' : `kanwil-${unit.kanwilId}`}-${q.month.slice(0, 7)}`, c.get('lang') ?? 'id');
    return c.body(new Uint8Array(file.body), 200, { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.name}"` }) as never;
  });
  app.openapi(createRouteDef, async (c) => {
    const id = await createReport(c, c.req.valid('json'));
    return c.json((await findReport(c.get('services').db, id, c.get('services').clock.today()))!, 201);
  });
  app.openapi(getRoute, async (c) => {
    const r = await findReport(c.get('services').db, reportId(c), c.get('services').clock.today());
    if (!r) throw notFound();
    return c.json(r, 200);
  });
  app.openapi(updateRoute, async (c) => {
    await updateCommentary(c, reportId(c), c.req.valid('json'));
    return c.json((await findReport(c.get('services').db, reportId(c), c.get('services').clock.today()))!, 200);
  });
  app.openapi(exportRoute, async (c) => {
    const r = await findReport(c.get('services').db, reportId(c), c.get('services').clock.today());
    if (!r) throw notFound();
    const status = { draft: 'Draf', submitted: 'Dikirim', verified: 'Diverifikasi Kanwil', returned: 'Dikembalikan', received: 'Diterima Pusat' }[r.status];
    const comment = [
      r.commentary.summary && `Ringkasan: ${r.commentary.summary}`,
      r.commentary.obstacles && `Kendala: ${r.commentary.obstacles}`,
      r.commentary.plans && `Rencana tindak lanjut: ${r.commentary.plans}`,
    ].filter(Boolean).join('\n');
    const t = figuresTable(
      r.figures,
      `LAPORAN BULANAN ${r.uptName.toUpperCase()}`,
      [`${r.kanwilName} · Bulan: ${monthName(r.month)}`, `Status: ${status}${r.figuresFrozen ? ' (angka dibekukan saat dikirim)' : ' (angka sementara dari rekap)'}`, refreshedLine(r.figures.refreshedAt, r.zone), ...freshnessLines(r)],
      [comment, 'Sumber "Manual" = diisi UPT dengan bukti; lainnya dihitung dari catatan.'].filter(Boolean).join('\n'),
      letterheadFor(r.kanwilName, r.uptName),
    );
    const signed = (p: { name: string | null; nip: string | null; at: string | null }) => ({ name: p.name, nip: p.nip, date: p.at ? localTime(p.at, r.zone).date : null });
    t.signatories = [
      { role: 'Kepala UPT', position: r.uptName, place: r.place, ...signed(r.approval.submittedBy) },
      { role: 'Verifikator Kanwil', position: r.kanwilName, place: null, ...signed(r.approval.verifiedBy) },
    ];
    const { format } = c.req.valid('query');
    const file = await writeFile(t, format, `laporan-${r.uptName}-${r.month.slice(0, 7)}`, c.get('lang') ?? 'id');
    return c.body(new Uint8Array(file.body), 200, { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.name}"` }) as never;
  });
  for (const [step, route] of STEP_ROUTES) {
    app.openapi(route, async (c) => {
      await stepReport(c, reportId(c), step, (c.req.valid as (t: 'json') => { version: number; reason?: string })('json'));
      return c.json((await findReport(c.get('services').db, reportId(c), c.get('services').clock.today()))!, 200);
    });
  }
}
