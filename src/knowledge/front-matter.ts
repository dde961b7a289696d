/**
 * YAML front matter of knowledge files (`---` … `---` at the top), validated
 * into {@link DocMeta}. A bad value is an error naming the file and field.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { type DocMeta, type DocStructure, defaultMeta } from './document.js';
import { validityFields, validityFromYaml } from './validity.js';

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD')
    .nullable(),
);

const metaSchema = z
  .object({
    id: z.string().min(1),
    number: z.string().min(1).nullable().optional(),
    title: z.string().min(1),
    issuer: z.string().min(1).nullable().optional(),
    date: isoDate.optional(),
    type: z.string().min(1).optional(),
    status: validityFields.status.optional(),
    amended_by: validityFields.amended_by.optional(),
    replaced_by: validityFields.replaced_by.optional(),
    effective: validityFields.effective.optional(),
    valid_until: validityFields.valid_until.optional(),
    period: validityFields.period.optional(),
    as_of: validityFields.as_of.optional(),
    awaiting_confirmation: validityFields.awaiting_confirmation.optional(),
    source: z.string().url().nullable().optional(),
    verified: z.boolean().optional(),
    fulltext: z.boolean().optional(),
    cited_in: z.array(z.string()).optional(),
    aliases: z.array(z.string()).optional(),
    structure: z.enum(['plan', 'markdown', 'legal', 'plain']).optional(),
  })
  .passthrough();

export interface FrontMatterResult {
  /** Raw front-matter object, or null when the file has none. */
  data: Record<string, unknown> | null;
  body: string;
}

/** Split front matter from the body (no validation). */
export function splitFrontMatter(text: string): FrontMatterResult {
  const m = FRONT_MATTER.exec(text);
  if (!m) return { data: null, body: text.replace(/^\uFEFF/, '') };
  let data: unknown;
  try {
    data = parseYaml(m[1] as string);
  } catch (err) {
    throw new AppError('KNOWLEDGE_INVALID', `front matter: YAML không hợp lệ (${(err as Error).message})`, { cause: err });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new AppError('KNOWLEDGE_INVALID', 'front matter: phải là một bảng khóa: giá trị');
  }
  return { data: data as Record<string, unknown>, body: text.slice(m[0].length) };
}

/**
 * Validate front matter into metadata.
 * @param file used in error messages
 * @param fallbackStructure structure when the front matter does not say
 */
export function metaFromFrontMatter(file: string, data: Record<string, unknown>, fallbackStructure: DocStructure): DocMeta {
  const parsed = metaSchema.safeParse(data);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ');
    throw new AppError('KNOWLEDGE_INVALID', `${file}: ${msg}`);
  }
  const d = parsed.data;
  return defaultMeta({
    id: d.id,
    title: d.title,
    number: d.number ?? null,
    issuer: d.issuer ?? null,
    date: d.date ?? null,
    type: d.type ?? 'khác',
    ...validityFromYaml(d),
    status: d.status ?? 'unknown',
    source: d.source ?? null,
    verified: d.verified ?? false,
    fulltext: d.fulltext ?? true,
    citedIn: d.cited_in ?? [],
    aliases: d.aliases ?? [],
    structure: d.structure ?? fallbackStructure,
  });
}
