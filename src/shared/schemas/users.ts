import { z } from 'zod';
import { ROLES, SCOPE_LEVELS } from '../access/roles.ts';
import { msg } from '../i18n/zod-issues.ts';
import { IdRef, Version } from './common.ts';

export const Username = z
  .string(msg('required'))
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, msg('username_format'));

export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  scopeLevel: z.enum(SCOPE_LEVELS),
  kanwilId: z.number().int().nullable(),
  kanwilName: z.string().nullable(),
  uptId: z.number().int().nullable(),
  uptName: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UserListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

const assignment = {
  role: z.enum(ROLES, msg('invalid_option')),
  scopeLevel: z.enum(SCOPE_LEVELS, msg('invalid_option')),
  kanwilId: IdRef.nullable().optional(),
  uptId: IdRef.nullable().optional(),
};

export const UserCreateInput = z.strictObject({
  username: Username,
  fullName: z.string(msg('required')).trim().min(3, msg('too_short')).max(120, msg('too_long')),
  email: z.email(msg('invalid_email')).max(200).nullable().optional(),
  ...assignment,
  /** Temporary password; the user must change it at first sign-in. */
  password: z.string(msg('required')).min(1, msg('required')).max(200),
});
export type UserCreateInput = z.infer<typeof UserCreateInput>;

export const UserUpdateInput = z.strictObject({
  version: Version,
  fullName: z.string().trim().min(3, msg('too_short')).max(120, msg('too_long')).optional(),
  email: z.email(msg('invalid_email')).max(200).nullable().optional(),
  role: assignment.role.optional(),
  scopeLevel: assignment.scopeLevel.optional(),
  kanwilId: assignment.kanwilId,
  uptId: assignment.uptId,
  active: z.boolean().optional(),
});
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;

export const ResetPasswordInput = z.strictObject({
  password: z.string(msg('required')).min(1, msg('required')).max(200),
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;
