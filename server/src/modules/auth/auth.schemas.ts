import { z } from 'zod';
import { orgUnitSummary } from '../org/org.schemas.ts';
import { permissions, roles } from '../access/permissions.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
}).strict();

export const me = z.object({
  user: z.object({ id: z.uuid(), username: z.string(), fullName: z.string(), locale: z.enum(['fa', 'en']) }),
  unit: orgUnitSummary,
  roles: z.array(z.object({ role: z.enum(roles), unitId: z.uuid(), unitName: z.string() })),
  permissions: z.array(z.enum(permissions)),
  csrfToken: z.string(),
});
export type MeDto = z.infer<typeof me>;
