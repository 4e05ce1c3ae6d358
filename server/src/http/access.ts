import type { Permission } from '../modules/access/permissions.ts';

/**
 * What a route requires. Every route declares one (a test fails otherwise, and the server refuses
 * an undeclared route at run time): default deny.
 * - 'public': anyone (sign-in, health, public receipt verification, the OpenAPI document)
 * - 'session': any signed-in staff user
 * - a permission: a signed-in user holding it at some unit; which entities it reaches is decided
 *   by the operation's scope checks.
 */
export type Access = 'public' | 'session' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** state-changing routes that move money require an Idempotency-Key header */
    idempotent?: boolean;
  }
}
