import { z } from 'zod';
import { actorOf, contextOf } from '../../app.ts';
import { withTx } from '../../db/pool.ts';
import { errors, idParams, pageOf, paging } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { roles } from '../access/permissions.ts';
import { createUser } from './create-user.ts';
import { listUsers } from './list-users.ts';
import { updateUser } from './update-user.ts';
import { password, roleGrant, user, username } from './users.schemas.ts';

const tags = ['users'];
const fullName = z.string().trim().min(3).max(120);

export async function userRoutes(app: ZApp) {
  app.get('/api/users', {
    config: { access: 'users.read' },
    schema: {
      tags, summary: 'Staff users in the caller\'s subtree',
      querystring: z.object({ q: z.string().trim().max(100).optional(), unitId: z.uuid().optional(), role: z.enum(roles).optional(), status: z.enum(['active', 'disabled']).optional(), ...paging }).strict(),
      response: { 200: pageOf(user), ...errors },
    },
  }, async (req) => listUsers(app.pool, actorOf(req), req.query));

  app.post('/api/users', {
    config: { access: 'users.manage' },
    schema: {
      tags, summary: 'Create a staff user',
      body: z.object({ username, fullName, password, unitId: z.uuid(), roles: z.array(roleGrant).max(20) }).strict(),
      response: { 201: user, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => createUser(tx, contextOf(req), req.body))));

  app.patch('/api/users/:id', {
    config: { access: 'users.manage' },
    schema: {
      tags, summary: 'Edit a staff user (name, status, roles, password)', params: idParams,
      body: z.object({ fullName: fullName.optional(), status: z.enum(['active', 'disabled']).optional(), roles: z.array(roleGrant).max(20).optional(), password: password.optional() }).strict(),
      response: { 200: user, ...errors },
    },
  }, async (req) => withTx(app.pool, (tx) => updateUser(tx, contextOf(req), { id: req.params.id, ...req.body })));
}
