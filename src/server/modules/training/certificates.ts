import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { can } from '../../../shared/access/roles.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { Certificate } from '../../../shared/schemas/training.ts';
import type { Queryable } from '../../db/pool.ts';
import { writePdf } from '../../exports/pdf.ts';
import { dmy } from '../../exports/table.ts';
import { targetRoute, type TargetResolver } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { errorResponses, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { wbpTarget } from '../wbp/routes.ts';
import { tags } from './programmes.ts';

const certificateTarget: TargetResolver = async (c) => {
  const r = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM competency_test WHERE id = $1', [Number(c.req.param('certificateId'))]);
  return r ? { kanwilId: r.kanwil_id, uptId: r.upt_id } : undefined;
};

const SELECT = `SELECT t.id, t.participant_id AS "participantId", t.programme_id AS "programmeId", p.name AS "programmeName", p.skill, t.wbp_id AS "wbpId",
    t.upt_id AS "uptId", u.name AS "uptName", t.test_date AS "testDate", t.result, t.scheme, t.lsp_name AS "lspName", t.certificate_number AS "certificateNumber",
    t.issued_on AS "issuedOn", p.lesson_hours AS "lessonHours"
  FROM competency_test t JOIN training_programme p ON p.id = t.programme_id JOIN upt u ON u.id = t.upt_id`;

/** Certificates (competent results) of one inmate, newest first: for the inmate page and the release pack. */
export async function certificatesOf(db: Queryable, wbpId: number): Promise<Certificate[]> {
  const rows = await db.query<Certificate>(`${SELECT} WHERE t.wbp_id = $1 AND t.result = 'kompeten' ORDER BY t.test_date DESC, t.id DESC`, [wbpId]);
  return rows.map((r) => ({ ...r, id: Number(r.id), participantId: Number(r.participantId), wbpId: Number(r.wbpId) }));
}

/** One line for the release papers (premi statement paid out on release): every certificate held. */
export function certificateLine(certs: Certificate[]): string {
  if (!certs.length) return '';
  return `Sertifikat kompetensi: ${certs.map((x) => `${x.scheme} (${x.lspName}, No ${x.certificateNumber}, ${dmy(x.testDate)})`).join('; ')}.`;
}

const History = z.object({
  participations: z.array(z.object({
    id: z.number().int(), programmeId: z.number().int(), programmeName: z.string(), skill: z.string(), uptName: z.string(), startDate: z.string(), endDate: z.string(),
    lessonHours: z.number().int(), status: z.string(), attendedHours: z.number().int(), completedOn: z.string().nullable(),
  })),
  tests: z.array(Certificate),
});

const historyRoute = defineRoute({
  method: 'get', path: '/wbp/{wbpId}/training', tags, summary: 'Pelatihan & sertifikat WBP / an inmate’s training and certificates',
  access: targetRoute('training.read', wbpTarget), request: { params: z.object({ wbpId: PositiveId }) },
  responses: { 200: jsonOk(History, 'Participations and competency tests'), ...errorResponses },
});
const certificatePdfRoute = defineRoute({
  method: 'get', path: '/training/certificates/{certificateId}/pdf', tags, summary: 'Cetak keterangan sertifikat (PDF) / printable certificate record',
  access: targetRoute('training.read', certificateTarget), request: { params: z.object({ certificateId: PositiveId }) },
  responses: { 200: { description: 'PDF with the letterhead' }, ...errorResponses },
});
const listPdfRoute = defineRoute({
  method: 'get', path: '/wbp/{wbpId}/certificates/pdf', tags, summary: 'Daftar sertifikat WBP (PDF) / an inmate’s certificates, printable',
  access: targetRoute('training.read', wbpTarget), request: { params: z.object({ wbpId: PositiveId }) },
  responses: { 200: { description: 'PDF with the letterhead' }, ...errorResponses },
});

const safeName = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'sertifikat';

export function certificateRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(historyRoute, async (c) => {
    const wbpId = c.req.valid('param').wbpId;
    const { db } = c.get('services');
    const participations = await db.query(
      `SELECT x.id::int, x.programme_id AS "programmeId", p.name AS "programmeName", p.skill, u.name AS "uptName", p.start_date AS "startDate", p.end_date AS "endDate",
              p.lesson_hours AS "lessonHours", x.status, x.attended_hours AS "attendedHours", x.completed_on AS "completedOn"
         FROM training_participant x JOIN training_programme p ON p.id = x.programme_id JOIN upt u ON u.id = p.upt_id
        WHERE x.wbp_id = $1 ORDER BY p.start_date DESC, x.id DESC`,
      [wbpId],
    );
    const tests = (await db.query<Certificate>(`${SELECT} WHERE t.wbp_id = $1 ORDER BY t.test_date DESC, t.id DESC`, [wbpId])).map((r) => ({ ...r, id: Number(r.id), participantId: Number(r.participantId), wbpId: Number(r.wbpId) }));
    return c.json({ participations: participations as z.infer<typeof History>['participations'], tests }, 200);
  });
  app.openapi(certificatePdfRoute, async (c) => {
    const { db } = c.get('services');
    const id = c.req.valid('param').certificateId;
    const cert = await db.one<Certificate & { noRegister: string; name: string }>(
      `${SELECT.replace('FROM competency_test t', ', w.no_register AS "noRegister", w.name FROM competency_test t')} JOIN wbp w ON w.id = t.wbp_id WHERE t.id = $1`,
      [id],
    );
    if (!cert) throw notFound();
    const personal = can(currentUser(c).role, 'wbp.personal.read');
    const rows: Array<[string, string]> = [
      ['Nama WBP', personal ? cert.name : '—'],
      ['No Register', personal ? cert.noRegister : '—'],
      ['UPT', cert.uptName],
      ['Pelatihan', `${cert.programmeName} (${cert.skill}), ${cert.lessonHours} JP`],
      ['Skema sertifikasi', cert.scheme],
      ['LSP', cert.lspName],
      ['Tanggal uji', dmy(cert.testDate)],
      ['Hasil', cert.result === 'kompeten' ? 'Kompeten' : 'Belum Kompeten'],
      ['Nomor sertifikat BNSP', cert.certificateNumber ?? '—'],
      ['Tanggal terbit', dmy(cert.issuedOn)],
    ];
    const pdf = await writePdf({
      title: 'KETERANGAN HASIL UJI KOMPETENSI',
      subtitle: [cert.uptName],
      columns: [{ header: 'Keterangan / Item', key: 'k', width: 14 }, { header: 'Isi / Value', key: 'v', width: 30 }],
      rows: rows.map(([k, v]) => ({ k, v })),
      footnote: 'Keterangan ini dicetak dari catatan uji kompetensi; sertifikat aslinya diterbitkan oleh LSP berlisensi BNSP.',
    });
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="sertifikat-${safeName(cert.certificateNumber ?? String(id))}.pdf"` }) as never;
  });
  app.openapi(listPdfRoute, async (c) => {
    const { db } = c.get('services');
    const wbpId = c.req.valid('param').wbpId;
    const w = await db.one<{ no_register: string; name: string; upt_name: string }>('SELECT w.no_register, w.name, u.name AS upt_name FROM wbp w JOIN upt u ON u.id = w.upt_id WHERE w.id = $1', [wbpId]);
    if (!w) throw notFound();
    const personal = can(currentUser(c).role, 'wbp.personal.read');
    const certs = await certificatesOf(db, wbpId);
    const pdf = await writePdf({
      title: 'DAFTAR SERTIFIKAT KOMPETENSI WBP',
      subtitle: [w.upt_name, personal ? `${w.name} — No Register ${w.no_register}` : `WBP #${wbpId}`],
      columns: [
        { header: 'Pelatihan', key: 'programme', width: 22 }, { header: 'Skema', key: 'scheme', width: 20 }, { header: 'LSP', key: 'lsp', width: 16 },
        { header: 'Nomor sertifikat', key: 'number', width: 18 }, { header: 'Tanggal uji', key: 'date', width: 10, kind: 'date' },
      ],
      rows: certs.map((x) => ({ programme: `${x.programmeName} (${x.lessonHours} JP)`, scheme: x.scheme, lsp: x.lspName, number: x.certificateNumber, date: x.testDate })),
      footnote: certs.length ? undefined : 'Belum ada sertifikat kompetensi.',
    });
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="sertifikat-wbp-${wbpId}.pdf"` }) as never;
  });
}
