/**
 * Console routes for documents:
 * - `POST /api/documents` (multipart, one or more `file` fields, optional
 *   metadata fields) → 201 `{id, documents}`; indexing runs in the background;
 * - `GET /api/documents`, `GET /api/documents/:id` (with its passages, as cited);
 * - `PATCH /api/documents/:id` (metadata, e.g. status in force / amended / replaced);
 * - `DELETE /api/documents/:id` → answers once the base without it is serving.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { DOC_STATUSES } from '../knowledge/validity.js';
import { citation } from '../rag/compose.js';
import type { ConsoleContext } from './console-context.js';
import { ConsoleError, notFound } from './console-errors.js';
import { checkMeta, checkUpload } from './document-library.js';
import type { DocumentRecord, UploadMeta } from './document-store.js';

const META_FIELDS = ['title', 'number', 'issuer', 'date', 'type', 'status', 'source'] as const;
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 10;

const idParams = z.object({ id: z.string().regex(/^[0-9a-f]{12}$/, 'mã tài liệu không hợp lệ') });

const metaBody = z
  .object({
    title: z.string().trim().max(300, 'tiêu đề quá dài').optional(),
    number: z.string().trim().max(100, 'số hiệu quá dài').optional(),
    issuer: z.string().trim().max(200, 'cơ quan ban hành quá dài').optional(),
    date: z.string().trim().max(10).optional(),
    type: z.string().trim().max(100).optional(),
    status: z.enum(DOC_STATUSES, { errorMap: () => ({ message: `trạng thái phải là một trong: ${DOC_STATUSES.join(', ')}` }) }).optional(),
    source: z.string().trim().max(500).optional(),
  })
  .strict();

/** Public view of a record (no storage path). */
function view(d: DocumentRecord) {
  const { storedName: _stored, ...rest } = d;
  return rest;
}

/** The documents routes; register inside the authenticated admin scope. */
export const documentRoutes: FastifyPluginAsync<{ ctx: ConsoleContext }> = async (app, { ctx }) => {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 20, fieldSize: 2000 } });

  app.get('/api/documents', async () => ({ items: ctx.library.list().map(view) }));

  app.post('/api/documents', async (request, reply) => {
    if (!request.isMultipart()) throw new ConsoleError(400, 'INPUT_INVALID', 'Cần gửi tệp dạng multipart/form-data (trường "file").');
    const files: Array<{ name: string; data: Buffer }> = [];
    const meta: UploadMeta = {};
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname !== 'file') continue;
        files.push({ name: part.filename || 'tai-lieu', data });
      } else if ((META_FIELDS as readonly string[]).includes(part.fieldname) && typeof part.value === 'string') {
        meta[part.fieldname as keyof UploadMeta] = part.value;
      }
    }
    if (files.length === 0) throw new ConsoleError(400, 'INPUT_INVALID', 'Chưa chọn tệp nào (trường "file").');
    // All files are checked before any is stored, so a bad one loses nothing and stores nothing.
    for (const f of files) {
      checkUpload(f.name, f.data);
      checkMeta(meta, f.name);
    }
    const added = files.map((f) => ctx.library.add(f.name, f.data, meta));
    return reply.code(201).send({ id: added[0]?.id, documents: added.map(view) });
  });

  app.get('/api/documents/:id', { schema: { params: idParams } }, async (request) => {
    const { id } = request.params as z.infer<typeof idParams>;
    const doc = ctx.library.get(id);
    if (!doc) throw notFound('tài liệu này');
    const passages = ctx.library.passages(id).map((c) => ({
      id: c.id,
      citation: citation(c),
      section: c.section,
      title: c.trail.join(' › '),
      text: c.text,
    }));
    return { ...view(doc), passages };
  });

  app.patch('/api/documents/:id', { schema: { params: idParams, body: metaBody } }, async (request) => {
    const { id } = request.params as z.infer<typeof idParams>;
    const updated = ctx.library.updateMeta(id, request.body as UploadMeta);
    if (!updated) throw notFound('tài liệu này');
    return view(updated);
  });

  app.delete('/api/documents/:id', { schema: { params: idParams } }, async (request) => {
    const { id } = request.params as z.infer<typeof idParams>;
    if (!(await ctx.library.remove(id))) throw notFound('tài liệu này');
    return { id, deleted: true };
  });
};
