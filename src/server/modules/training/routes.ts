import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { certificateRoutes } from './certificates.ts';
import { participantRoutes } from './participants.ts';
import { programmeRoutes } from './programmes.ts';
import { realisationRoutes } from './realisation.ts';

/** Pelatihan & sertifikasi: programmes, participants, competency tests and certificates, realisation. */
export function trainingRoutes(app: OpenAPIHono<AppEnv>) {
  programmeRoutes(app);
  participantRoutes(app);
  certificateRoutes(app);
  realisationRoutes(app);
}
