/**
 * Optional metadata sidecar next to a knowledge file:
 * `quyet-dinh-123.pdf` → `quyet-dinh-123.pdf.meta.yaml`. Its values override
 * what the header parser found.
 */
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { DocMeta } from '../document.js';
import { isoDateSchema, type Validity, validityFields, validityFromYaml } from '../validity.js';

/** Suffix appended to the file name to find its sidecar. */
export const SIDECAR_SUFFIX = '.meta.yaml';

/** True for a sidecar file name (`x.pdf.meta.yaml`): the index builder must not load it as a document. */
export function isSidecarFile(file: string): boolean {
  return file.toLowerCase().endsWith(SIDECAR_SUFFIX);
}

const nonEmpty = z.string().trim().min(1, 'không được để trống');

/** Schema of a sidecar: every field optional, unknown fields rejected (to catch typos). */
export const sidecarSchema = z
  .object({
    id: nonEmpty,
    number: nonEmpty.nullable(),
    title: nonEmpty,
    issuer: nonEmpty.nullable(),
    date: isoDateSchema.nullable(),
    type: nonEmpty.transform((s) => s.toLowerCase()),
    ...validityFields,
    source: z.string().trim().url('phải là một địa chỉ URL').nullable(),
    verified: z.boolean({ invalid_type_error: 'phải là true hoặc false' }),
    aliases: z.union([nonEmpty.transform((s) => [s]), z.array(nonEmpty)]),
  })
  .partial()
  .strict();

/** Metadata a sidecar may set. */
export type SidecarMeta = Partial<Pick<DocMeta, 'id' | 'number' | 'title' | 'issuer' | 'date' | 'type' | 'source' | 'verified' | 'aliases'> & Validity>;

/** Vietnamese reason for one zod issue. */
function reason(issue: z.ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `trường không được hỗ trợ: ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type') return `sai kiểu dữ liệu (cần ${issue.expected}, nhận ${issue.received})`;
  return issue.message;
}

/**
 * Validate parsed sidecar content.
 * @param name file name used in error messages
 * @throws AppError `KNOWLEDGE_INVALID` (`<file>: <field>: <lý do>`)
 */
export function validateSidecar(data: unknown, name: string): SidecarMeta {
  if (data === null || data === undefined) return {};
  const parsed = sidecarSchema.safeParse(data);
  if (parsed.success) {
    const { amended_by, replaced_by, effective, valid_until, period, as_of, awaiting_confirmation, status, ...rest } = parsed.data;
    return { ...rest, ...validityFromYaml({ status, amended_by, replaced_by, effective, valid_until, period, as_of, awaiting_confirmation }) } as SidecarMeta;
  }
  const issue = parsed.error.issues[0] as z.ZodIssue;
  const field = issue.path.length > 0 ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(gốc)';
  throw new AppError('KNOWLEDGE_INVALID', `${name}: ${field}: ${reason(issue)}`);
}

/**
 * Read `<absPath>.meta.yaml` if it exists.
 * @param absPath the knowledge file (not the sidecar)
 * @param relPath the knowledge file relative to the knowledge directory, for messages
 * @returns the validated metadata, or null when there is no sidecar
 * @throws AppError `KNOWLEDGE_INVALID` for bad YAML or a bad field
 */
export async function readSidecar(absPath: string, relPath: string): Promise<SidecarMeta | null> {
  const name = relPath + SIDECAR_SUFFIX;
  let raw: string;
  try {
    raw = await readFile(absPath + SIDECAR_SUFFIX, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('KNOWLEDGE_INVALID', `${name}: không đọc được tệp`, { cause: err });
  }
  const doc = parseDocument(raw.replace(/^\uFEFF/, ''));
  const yamlError = doc.errors[0];
  if (yamlError) throw new AppError('KNOWLEDGE_INVALID', `${name}: YAML: ${yamlError.message.split('\n')[0]}`);
  const data: unknown = doc.toJS();
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new AppError('KNOWLEDGE_INVALID', `${name}: (gốc): phải là một bảng khóa: giá trị`);
  }
  return validateSidecar(data, name);
}
