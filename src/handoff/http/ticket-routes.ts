/**
 * Staff side of the handoff, registered inside the authenticated admin
 * scope (`/admin`, see src/reports/http/admin-routes.ts), so every route here
 * needs the admin session or Bearer token:
 * - `GET /admin/tickets`: the Tickets page (script /admin/assets/tickets.js);
 * - `GET /admin/api/tickets?status=&channel=&unit=&undeliverable=`: list and counts;
 * - `POST /admin/api/tickets/:id/reply` `{text, saveAsAnswer?}`: answer on the citizen's channel;
 * - `POST /admin/api/tickets/:id/close`, `POST /admin/api/tickets/:id/assign` `{unit}`.
 * Errors leave as `{code, message}` in Vietnamese.
 */
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../errors.js';
import { TICKET_STATUSES, type TicketViewer } from '../ticket.js';
import type { TicketService } from '../ticket-service.js';
import { toTicketView } from './ticket-view.js';
import { ticketsPageHtml } from './tickets-page.js';

export interface TicketRoutesOptions {
  tickets: TicketService;
  /**
   * Who is asking. The console's single ADMIN_TOKEN is an admin (default);
   * a console with per-staff accounts returns `{ role: 'staff', unit }`.
   */
  viewerOf?: (request: FastifyRequest) => TicketViewer;
  departmentName?: string;
  now?: () => Date;
}

/** Channels a ticket can come from, defined once for the filters. */
const TICKET_CHANNELS = ['web', 'telegram', 'zalo'] as const;

const listQuery = z.object({
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(TICKET_STATUSES, { message: 'status phải là open, answered hoặc closed.' }).optional()),
  channel: z.preprocess((v) => (v === '' ? undefined : v), z.enum(TICKET_CHANNELS, { message: 'channel phải là web, telegram hoặc zalo.' }).optional()),
  unit: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(200, 'unit quá dài.').optional()),
  undeliverable: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['true', 'false']).optional()),
});
const idParams = z.object({ id: z.coerce.number({ message: 'Mã yêu cầu phải là số.' }).int().positive('Mã yêu cầu phải là số dương.') });
const replyBody = z.object({
  text: z
    .string({ required_error: 'Thiếu nội dung trả lời (text).', invalid_type_error: 'Nội dung trả lời (text) phải là chuỗi.' })
    .trim()
    .min(1, 'Nội dung trả lời không được để trống.')
    .max(2000, 'Nội dung trả lời tối đa 2000 ký tự.'),
  saveAsAnswer: z.boolean({ invalid_type_error: 'saveAsAnswer phải là true hoặc false.' }).optional(),
});
const assignBody = z.object({ unit: z.string().trim().max(200, 'Tên đơn vị quá dài.').nullable() });

const SCRIPT = readFileSync(new URL('./assets/tickets.js', import.meta.url));
const STYLE = readFileSync(new URL('./assets/tickets.css', import.meta.url));

/** Run `work`; a ticket the viewer may not see is a 404 `{code, message}`. */
async function orNotFound<T>(reply: FastifyReply, work: () => T | Promise<T>): Promise<T | FastifyReply> {
  try {
    return await work();
  } catch (err) {
    if (isAppError(err, 'NOT_FOUND')) return reply.code(404).send({ code: 'NOT_FOUND', message: err.message });
    throw err;
  }
}

/** The Tickets page and API; register inside the admin scope. */
export const ticketRoutes: FastifyPluginAsync<TicketRoutesOptions> = async (app, opts) => {
  const now = opts.now ?? (() => new Date());
  const viewerOf = opts.viewerOf ?? ((): TicketViewer => ({ role: 'admin' }));

  app.get('/assets/tickets.js', { config: { adminAccess: 'public' } }, async (_r, reply) => reply.type('text/javascript; charset=utf-8').send(SCRIPT));
  app.get('/assets/tickets.css', { config: { adminAccess: 'public' } }, async (_r, reply) => reply.type('text/css; charset=utf-8').send(STYLE));
  app.get('/tickets', { config: { adminAccess: 'page' } }, async (_r, reply) =>
    reply.type('text/html; charset=utf-8').send(ticketsPageHtml({ departmentName: opts.departmentName })),
  );

  app.get('/api/tickets', { schema: { querystring: listQuery } }, async (request) => {
    const q = request.query as z.infer<typeof listQuery>;
    const { tickets, counts } = opts.tickets.list(
      {
        ...(q.status ? { status: q.status } : {}),
        ...(q.channel ? { channel: q.channel } : {}),
        ...(q.unit ? { unit: q.unit } : {}),
        ...(q.undeliverable === 'true' ? { undeliverable: true } : {}),
      },
      viewerOf(request),
    );
    const at = now();
    return { count: tickets.length, counts, tickets: tickets.map((t) => toTicketView(t, at)) };
  });

  app.post('/api/tickets/:id/reply', { schema: { params: idParams, body: replyBody } }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof idParams>;
    const body = request.body as z.infer<typeof replyBody>;
    return orNotFound(reply, async () => {
      const r = await opts.tickets.reply(id, body.text, { viewer: viewerOf(request), saveAsAnswer: body.saveAsAnswer === true, staffName: 'Quản trị' });
      return {
        ticket: toTicketView(r.ticket, now()),
        delivery: r.delivery,
        ...(r.note ? { note: r.note } : {}),
        savedAsAnswer: r.savedAsAnswer,
      };
    });
  });

  app.post('/api/tickets/:id/close', { schema: { params: idParams } }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof idParams>;
    return orNotFound(reply, () => ({ ticket: toTicketView(opts.tickets.close(id, viewerOf(request)), now()) }));
  });

  app.post('/api/tickets/:id/assign', { schema: { params: idParams, body: assignBody } }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof idParams>;
    const { unit } = request.body as z.infer<typeof assignBody>;
    return orNotFound(reply, () => ({ ticket: toTicketView(opts.tickets.assign(id, unit || undefined, viewerOf(request)), now()) }));
  });
};
