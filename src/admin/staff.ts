/**
 * Console routes for staff:
 * - `GET /api/staff`: staff with channel, unit, last activity; open invites; the units;
 * - `POST /api/invites` `{unit, role}` → 201 `{code, …}` (unit from `knowledge/units.yaml`);
 * - `DELETE /api/invites/:code`: withdraw an unused invite;
 * - `PATCH /api/staff/:channel/:userId` `{role}`: change role;
 * - `DELETE /api/staff/:channel/:userId`: revoke staff access (back to citizen).
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ConsoleContext } from './console-context.js';
import { ConsoleError, notFound } from './console-errors.js';

const STAFF_ROLES = ['staff', 'admin'] as const;
const roleField = z.enum(STAFF_ROLES, { errorMap: () => ({ message: 'vai trò phải là staff hoặc admin' }) });

const inviteBody = z
  .object({
    unit: z.string({ required_error: 'thiếu đơn vị (unit)' }).trim().min(1, 'thiếu đơn vị (unit)').max(200),
    role: roleField.default('staff'),
  })
  .strict();

const staffParams = z.object({
  channel: z.enum(['web', 'telegram', 'zalo', 'cli'], { errorMap: () => ({ message: 'kênh không hợp lệ' }) }),
  userId: z.string().min(1).max(100),
});
const roleBody = z.object({ role: roleField }).strict();
const codeParams = z.object({ code: z.string().regex(/^[A-Za-z0-9]{4,16}$/, 'mã mời không hợp lệ') });

/** The staff routes; register inside the authenticated admin scope. */
export const staffRoutes: FastifyPluginAsync<{ ctx: ConsoleContext }> = async (app, { ctx }) => {
  app.get('/api/staff', async () => ({
    units: ctx.units,
    staff: ctx.chatStore.listStaff(),
    invites: ctx.chatStore.listOpenInvites(),
  }));

  app.post('/api/invites', { schema: { body: inviteBody } }, async (request, reply) => {
    const { unit, role } = request.body as z.infer<typeof inviteBody>;
    const known = ctx.resolveUnit(unit);
    if (!known) {
      throw new ConsoleError(400, 'INPUT_INVALID', `Đơn vị "${unit}" không có trong danh sách đơn vị (knowledge/units.yaml). Chọn một đơn vị trong danh sách.`);
    }
    const invite = ctx.chatStore.createInvite({ unit: known.name, role }, ctx.now());
    request.log.info({ unit: known.id, role }, 'console: invite created');
    return reply.code(201).send({ ...invite, howTo: `Người nhận gửi cho bot: /dangky ${invite.code}` });
  });

  app.delete('/api/invites/:code', { schema: { params: codeParams } }, async (request) => {
    const { code } = request.params as z.infer<typeof codeParams>;
    if (!ctx.chatStore.revokeInvite(code)) throw notFound('mã mời chưa dùng này');
    return { code: code.toUpperCase(), revoked: true };
  });

  const staffMember = (channel: z.infer<typeof staffParams>['channel'], userId: string) => {
    const who = ctx.chatStore.getIdentity(channel, userId);
    if (!who || who.role === 'citizen') throw notFound('cán bộ này');
    return who;
  };

  app.patch('/api/staff/:channel/:userId', { schema: { params: staffParams, body: roleBody } }, async (request) => {
    const { channel, userId } = request.params as z.infer<typeof staffParams>;
    const { role } = request.body as z.infer<typeof roleBody>;
    staffMember(channel, userId);
    ctx.chatStore.setRole(channel, userId, role);
    return ctx.chatStore.getIdentity(channel, userId);
  });

  app.delete('/api/staff/:channel/:userId', { schema: { params: staffParams } }, async (request) => {
    const { channel, userId } = request.params as z.infer<typeof staffParams>;
    staffMember(channel, userId);
    ctx.chatStore.setRole(channel, userId, 'citizen');
    return { channel, userId, revoked: true };
  });
};
