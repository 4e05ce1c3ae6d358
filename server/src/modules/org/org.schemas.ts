import { z } from 'zod';

export const orgUnitKind = z.enum(['hq', 'province', 'county', 'department']);

export const orgUnitSummary = z.object({
  id: z.uuid(),
  kind: orgUnitKind,
  name: z.string(),
  code: z.string(),
});

export const orgUnit = orgUnitSummary.extend({
  parentId: z.uuid().nullable(),
  amarCode: z.string().nullable(),
  geoId: z.number().int().nullable(),
  status: z.enum(['active', 'retired']),
  retiredAt: z.string().nullable(),
  retireReason: z.string().nullable(),
  successorIds: z.array(z.uuid()),
  createdAt: z.string(),
  childCount: z.number().int(),
});
export type OrgUnitDto = z.infer<typeof orgUnit>;
