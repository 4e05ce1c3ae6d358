import { z } from 'zod';
import { roles } from '../access/permissions.ts';
import { orgUnitSummary } from '../org/org.schemas.ts';

export const roleGrant = z.object({ role: z.enum(roles), unitId: z.uuid() }).strict();

export const user = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  unit: orgUnitSummary,
  status: z.enum(['active', 'disabled']),
  roles: z.array(z.object({ role: z.enum(roles), unitId: z.uuid(), unitName: z.string() })),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserDto = z.infer<typeof user>;

export const username = z.string().trim().min(3).max(50).regex(/^[a-zA-Z0-9._-]+$/, 'FIELD_INVALID');
export const password = z.string().min(8).max(200);
