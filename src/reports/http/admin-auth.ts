/**
 * Authentication of the admin area, installed inside the encapsulated admin
 * plugin (prefix `/admin`). Its `onRequest` hook therefore runs for every
 * route that plugin owns, however the path was spelled (`/%61dmin/…` is
 * decoded by the router before a route, and its hooks, are chosen): no URL
 * string is ever tested.
 *
 * - People: `POST /admin/login` (form field `token`) → signed, HttpOnly,
 *   SameSite=Strict session cookie on Path=/admin, 8 h; `POST /admin/logout`.
 * - API clients: `Authorization: Bearer <ADMIN_TOKEN>`.
 * - `?token=` grants nothing.
 * - Failed logins and wrong Bearer tokens are counted per IP; over the limit
 *   every attempt is a 429 with Retry-After, without comparing the token.
 */
import type {} from '@fastify/cookie'; // request.cookies, reply.setCookie types
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loginPageHtml } from './admin-page.js';
import { type AdminSessions, SESSION_COOKIE } from './admin-session.js';
import { bearerToken, tokenMatches } from './auth.js';
import type { LoginThrottle } from './login-throttle.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Admin routes only. Absent: a session or Bearer token is required (401).
     * `page`: without credentials the login form is shown instead.
     * `public`: no credentials needed (login, logout, static assets).
     */
    adminAccess?: 'public' | 'page';
  }
}

/** What {@link installAdminAuth} needs. */
export interface AdminAuthOptions {
  token: string;
  sessions: AdminSessions;
  throttle: LoginThrottle;
  departmentName?: string;
}

/** The JSON body of every admin error. */
export interface AdminErrorBody {
  code: string;
  message: string;
}

const MESSAGES = {
  unauthorized: 'Cần đăng nhập quản trị hoặc gửi tiêu đề Authorization: Bearer <ADMIN_TOKEN> hợp lệ.',
  wrongToken: 'Mã quản trị không đúng.',
  tooMany: (s: number) => `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(s / 60)} phút.`,
} as const;

const loginBody = z.object({
  token: z
    .string({ required_error: 'Thiếu mã quản trị (trường token).', invalid_type_error: 'Mã quản trị (token) phải là chuỗi.' })
    .max(512, 'Mã quản trị (token) quá dài.'),
});

const wantsHtml = (request: FastifyRequest): boolean => /text\/html/i.test(String(request.headers.accept ?? ''));

/** The session value of a request's cookie when its signature, expiry and revocation check out. */
function sessionOf(request: FastifyRequest, sessions: AdminSessions): string | null {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value !== null && sessions.isValid(unsigned.value) ? unsigned.value : null;
}

/** Install the hook and the `/login`, `/logout` routes on the (prefixed) admin instance. */
export function installAdminAuth(app: FastifyInstance, opts: AdminAuthOptions): void {
  const { sessions, throttle } = opts;

  const refuse = (request: FastifyRequest, reply: FastifyReply, status: 401 | 429, message: string, retryAfter = 0) => {
    if (status === 429) void reply.header('retry-after', String(retryAfter));
    else void reply.header('www-authenticate', 'Bearer realm="admin"');
    if (wantsHtml(request)) {
      return reply
        .code(status)
        .type('text/html; charset=utf-8')
        .send(loginPageHtml({ departmentName: opts.departmentName, error: message }));
    }
    const body: AdminErrorBody = { code: status === 429 ? 'RATE_LIMITED' : 'UNAUTHORIZED', message };
    return reply.code(status).send(body);
  };

  const throttled = (request: FastifyRequest, reply: FastifyReply): boolean => {
    const wait = throttle.retryAfterSeconds(request.ip);
    if (wait === 0) return false;
    request.log.warn({ ip: request.ip, retryAfter: wait }, 'admin login throttled');
    void refuse(request, reply, 429, MESSAGES.tooMany(wait), wait);
    return true;
  };

  const failed = (request: FastifyRequest, reply: FastifyReply) => {
    throttle.recordFailure(request.ip);
    request.log.warn({ ip: request.ip }, 'admin login failed');
    return refuse(request, reply, 401, MESSAGES.wrongToken);
  };

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    const access = request.routeOptions.config.adminAccess;
    if (access === 'public') return undefined;
    if (sessionOf(request, sessions) !== null) return undefined;
    const given = bearerToken(request.headers);
    if (given !== null) {
      if (throttled(request, reply)) return reply;
      if (tokenMatches(given, opts.token)) return undefined;
      return failed(request, reply);
    }
    if (access === 'page') {
      return reply.type('text/html; charset=utf-8').send(loginPageHtml({ departmentName: opts.departmentName }));
    }
    return refuse(request, reply, 401, MESSAGES.unauthorized);
  });

  app.post('/login', { config: { adminAccess: 'public' }, schema: { body: loginBody } }, async (request, reply) => {
    if (throttled(request, reply)) return reply;
    const { token } = request.body as z.infer<typeof loginBody>;
    if (!tokenMatches(token, opts.token)) return failed(request, reply);
    const session = sessions.issue();
    request.log.info({ ip: request.ip }, 'admin signed in');
    return reply
      .setCookie(SESSION_COOKIE, session.value, {
        signed: true,
        httpOnly: true,
        sameSite: 'strict',
        path: '/admin',
        secure: request.protocol === 'https',
        // Relative, so a client clock that is off does not drop the cookie early;
        // the server checks the expiry signed inside the value.
        maxAge: Math.max(1, Math.floor((session.expiresAt.getTime() - session.issuedAt.getTime()) / 1000)),
      })
      .redirect('/admin', 303);
  });

  app.post('/logout', { config: { adminAccess: 'public' } }, async (request, reply) => {
    const raw = request.cookies[SESSION_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    if (unsigned?.valid && unsigned.value !== null) sessions.revoke(unsigned.value);
    return reply
      .clearCookie(SESSION_COOKIE, { path: '/admin', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' })
      .redirect('/admin', 303);
  });
}
