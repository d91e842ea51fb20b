import { z } from 'zod';
import { msg } from '../i18n/zod-issues.ts';
import { ROLES, SCOPE_LEVELS } from '../access/roles.ts';

export const LoginInput = z.strictObject({
  username: z.string(msg('required')).trim().toLowerCase().min(1, msg('required')).max(60),
  password: z.string(msg('required')).min(1, msg('required')).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const ChangePasswordInput = z
  .strictObject({
    currentPassword: z.string(msg('required')).min(1, msg('required')).max(200),
    newPassword: z.string(msg('required')).min(1, msg('required')).max(200),
    confirmPassword: z.string(msg('required')).min(1, msg('required')).max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], ...msg('password_mismatch') })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], ...msg('password_same') });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const Me = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  scope: z.object({
    level: z.enum(SCOPE_LEVELS),
    kanwilId: z.number().int().optional(),
    uptId: z.number().int().optional(),
    kanwilName: z.string().optional(),
    uptName: z.string().optional(),
  }),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

export const Ok = z.object({ ok: z.literal(true) });
