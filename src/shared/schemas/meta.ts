import { z } from 'zod';

export const Meta = z.object({ demo: z.boolean(), today: z.string(), version: z.string() });
export type Meta = z.infer<typeof Meta>;
