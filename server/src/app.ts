import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Pool } from './db/pool.ts';
import './http/access.ts';
import { fieldErrorsFromValidation } from './http/validation-errors.ts';
import { AppError, isAppError, type Lang } from './lib/errors.ts';
import type { Actor, OpContext } from './modules/access/actor.ts';
import { holdsAnywhere } from './modules/access/scope.ts';
import { csrfMatches, SESSION_COOKIE, SessionLoader, type LoadedSession } from './modules/auth/sessions.ts';
import { registerRoutes } from './routes.ts';
import { ReceiptAllocator } from './modules/contributions/receipt-allocator.ts';
import { GiftCommitter } from './modules/contributions/gift-committer.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    session: LoadedSession | null;
  }
  interface FastifyInstance {
    pool: Pool;
    config: Config;
    receipts: ReceiptAllocator;
    /** group commit of gifts recorded one request at a time */
    gifts: GiftCommitter;
  }
}

export type App = FastifyInstance;
export type TypedApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export interface RegisteredRoute {
  method: string;
  url: string;
  access: string | undefined;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function langOf(req: FastifyRequest): Lang {
  const h = req.headers['accept-language'];
  return typeof h === 'string' && h.trim().toLowerCase().startsWith('en') ? 'en' : 'fa';
}

/** The signed-in actor of a request behind a non-public route (the access hook guarantees one). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.session) throw new AppError('AUTH_REQUIRED');
  return req.session.actor;
}

export function contextOf(req: FastifyRequest): OpContext {
  return { actor: actorOf(req), requestId: req.id, ip: req.ip ?? null };
}

export async function buildApp(config: Config, pool: Pool, opts: { logger?: boolean } = {}): Promise<{ app: FastifyInstance; routes: RegisteredRoute[] }> {
  const app = Fastify({
    logger: opts.logger === false ? false : {
      level: config.logLevel,
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], remove: true },
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : crypto.randomUUID();
    },
    trustProxy: process.env.TRUST_PROXY === '1',
    bodyLimit: 2 * 1024 * 1024,
    // one line per request only when asked (LOG_REQUESTS=1): the audit log records every change
    logController: new LogController({ disableRequestLogging: process.env.LOG_REQUESTS !== '1' }),
    // unknown keys are errors, not silently dropped (schemas are strict), and querystring arrays work
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.decorate('pool', pool);
  app.decorate('config', config);
  app.decorate('receipts', new ReceiptAllocator(pool));
  app.decorate('gifts', new GiftCommitter(pool, app.receipts));
  app.addHook('onClose', async () => app.receipts.close());
  app.decorateRequest('lang', 'fa');
  app.decorateRequest('session', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) {
      if (m === 'HEAD' || m === 'OPTIONS') continue;
      routes.push({ method: m, url: route.url, access: route.config?.access });
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Mosharekat API',
        description: 'سامانه مشارکت‌های مردمی — public participation platform. Amounts are strings of integer rials.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  // File uploads (CSV and Excel imports) reach their routes as the raw request stream, so a
  // 100,000-row file is streamed to disk, never held in memory. Routes declare these content types.
  for (const type of ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']) {
    app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
  }

  app.addHook('onRequest', async (req) => {
    req.lang = langOf(req);
  });

  // Access: default deny. Runs before body parsing/validation so anonymous callers learn nothing.
  const sessions = new SessionLoader(pool, { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours });
  app.addHook('onRequest', async (req, reply) => {
    const url = req.routeOptions.url;
    if (url === undefined) return; // 404 handler
    if (url.startsWith('/api/docs')) return;
    const access = req.routeOptions.config.access;
    if (access === 'public') return;
    if (access === undefined) throw new AppError('FORBIDDEN');
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await sessions.load(token) : null;
    if (!session) {
      if (token) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw new AppError(token ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED');
    }
    req.session = session;
    if (unsafeMethods.has(req.method) && !csrfMatches(session.csrfToken, req.headers['x-csrf-token'] as string | undefined)) {
      throw new AppError('CSRF_INVALID');
    }
    if (access !== 'session' && !holdsAnywhere(session.actor, access)) throw new AppError('FORBIDDEN');
  });

  app.setErrorHandler((err, req, reply) => {
    const lang = req.lang ?? 'fa';
    if (isAppError(err)) {
      const body: Record<string, unknown> = { code: err.code, message: err.message_(lang) };
      if (err.fields.length) body.fields = err.fields.map((f) => ({ field: f.field, code: f.code, message: f.message[lang] }));
      if (err.details) Object.assign(body, { details: err.details });
      if (err.status === 429) reply.header('retry-after', '60');
      return reply.status(err.status).send({ error: body });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = fieldErrorsFromValidation(err.validation, err.validationContext);
      const e = new AppError('VALIDATION_FAILED', { fields });
      return reply.status(400).send({
        error: { code: e.code, message: e.message_(lang), fields: fields.map((f) => ({ field: f.field, code: f.code, message: f.message[lang] })) },
      });
    }
    const fe = err as { statusCode?: number; code?: string };
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendCode(reply, 'UNSUPPORTED_MEDIA_TYPE', lang);
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendCode(reply, 'PAYLOAD_TOO_LARGE', lang);
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return sendCode(reply, 'BAD_REQUEST', lang);
    // Unknown: log everything, answer nothing but an id.
    const errorId = crypto.randomUUID();
    req.log.error({ err, errorId }, 'unhandled error');
    const e = new AppError('INTERNAL');
    return reply.status(500).send({ error: { code: e.code, message: e.message_(lang), errorId } });
  });

  function sendCode(reply: import('fastify').FastifyReply, code: 'UNSUPPORTED_MEDIA_TYPE' | 'PAYLOAD_TOO_LARGE' | 'BAD_REQUEST', lang: Lang) {
    const e = new AppError(code);
    return reply.status(e.status).send({ error: { code: e.code, message: e.message_(lang) } });
  }

  await registerRoutes(app.withTypeProvider<ZodTypeProvider>());

  // The web app: built files from web/dist, served by the not-found handler (so they need no route
  // of their own); any other non-API path gets index.html so the client-side router can take it.
  const webRoot = path.resolve(config.webDist);
  const hasWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  // the build writes .br and .gz beside each asset: served as such to clients that accept them
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, serve: false, preCompressed: true });
  app.setNotFoundHandler((req, reply) => {
    const url = decodeURIComponent(req.url.split('?')[0] ?? '');
    if (url.startsWith('/api/') || url === '/api' || (req.method !== 'GET' && req.method !== 'HEAD') || !hasWeb) {
      const e = new AppError('ROUTE_NOT_FOUND');
      return reply.status(404).send({ error: { code: e.code, message: e.message_(req.lang ?? 'fa') } });
    }
    const file = path.resolve(webRoot, '.' + url);
    if (file.startsWith(webRoot + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      // Vite names assets by content hash: they never change under the same name.
      const immutable = url.startsWith('/assets/');
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      return reply.sendFile(path.relative(webRoot, file));
    }
    // the donor portal is a page of its own (web/portal.html); everything else is the back office
    const page = (url === '/give' || url.startsWith('/give/')) && fs.existsSync(path.join(webRoot, 'portal.html')) ? 'portal.html' : 'index.html';
    return reply.header('cache-control', 'no-cache').sendFile(page);
  });

  return { app, routes };
}
