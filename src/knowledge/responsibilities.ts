/**
 * Who does what under Kế hoạch 1523/KH-SCT: the structured file
 * `knowledge/responsibilities.yaml`, checked against a schema at load time so
 * that a hand edit with a missing or misspelt field fails with a message that
 * names the file and the field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { foldText, normalizeText } from '../text/normalize.js';
import { formatIssues } from './format-issues.js';

/** Sections of the plan a duty may cite: "IV.2", "II.1.a", "IV (đoạn cuối)", "Nơi nhận". */
const SECTION_PATTERN = /^(?:(?:I|II|III|IV)(?:\.\d+(?:\.[a-hđ])?)?(?: \(đoạn cuối\))?|Nơi nhận)$/;

const text = z.string().trim().min(1);
const nullableText = z.union([text, z.null()]).default(null);

const dutySchema = z
  .object({
    task: text,
    deadline: nullableText,
    to: nullableText,
    section: z.string().trim().min(1).regex(SECTION_PATTERN, 'phải là mục của kế hoạch, ví dụ "IV.2", "II.1.a", "IV (đoạn cuối)" hoặc "Nơi nhận"'),
  })
  .strict();

const unitSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'phải viết thường, không dấu, nối bằng dấu gạch ngang (ví dụ "van-phong-so")'),
    name: text,
    aliases: z.array(text).default([]),
    duties: z.array(dutySchema).min(1),
  })
  .strict();

const responsibilitiesSchema = z
  .object({
    document: text,
    units: z.array(unitSchema).min(1),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Map<string, number>();
    value.units.forEach((u, i) => {
      const first = seen.get(u.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['units', i, 'id'],
          message: `mã đơn vị "${u.id}" bị trùng với units[${first}]`,
        });
      } else {
        seen.set(u.id, i);
      }
    });
  });

/** One task assigned to a unit by the plan. */
export type Duty = z.infer<typeof dutySchema>;
/** A unit (division, board, organisation or recipient) and its duties. */
export type UnitDuties = z.infer<typeof unitSchema>;
/** The whole who-does-what file. */
export type Responsibilities = z.infer<typeof responsibilitiesSchema>;

/**
 * Load and validate a responsibilities YAML file.
 *
 * @param file path to the YAML file (usually `knowledge/responsibilities.yaml`)
 * @returns the parsed, validated data (optional fields filled with defaults)
 * @throws AppError `KNOWLEDGE_FILE_UNREADABLE` when the file cannot be read;
 *   `KNOWLEDGE_INVALID` when the YAML is malformed or a field is missing or has
 *   the wrong type. The message names the file and every bad field, e.g.
 *   `responsibilities.yaml: units[2].duties[0].section: bắt buộc`.
 */
export function loadResponsibilities(file: string): Responsibilities {
  const name = path.basename(file);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('KNOWLEDGE_FILE_UNREADABLE', `${name}: không đọc được tệp`, { cause: err });
  }
  let data: unknown;
  try {
    data = parseYaml(raw, { prettyErrors: true });
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new AppError('KNOWLEDGE_INVALID', `${name}: lỗi cú pháp YAML: ${detail}`, { cause: err });
  }
  const result = responsibilitiesSchema.safeParse(data);
  if (!result.success) {
    throw new AppError('KNOWLEDGE_INVALID', `${name}: ${formatIssues(result.error.issues)}`);
  }
  return result.data;
}

/**
 * Units whose name or one of whose aliases appears in the question
 * (diacritics and case ignored), longest match first.
 *
 * @example findUnits('Văn phòng Sở phải làm gì?', r)[0]?.id === 'van-phong-so'
 */
export function findUnits(question: string, responsibilities: Responsibilities): UnitDuties[] {
  const q = ` ${foldText(normalizeText(question)).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const scored: Array<{ unit: UnitDuties; len: number }> = [];
  for (const { unit, labels } of foldedLabels(responsibilities)) {
    let best = 0;
    for (const l of labels) if (l !== '' && q.includes(` ${l} `)) best = Math.max(best, l.length);
    if (best > 0) scored.push({ unit, len: best });
  }
  return scored.sort((a, b) => b.len - a.len).map((s) => s.unit);
}

/** Each unit's name and aliases folded for {@link findUnits}, once per loaded set (not per question). */
const labelsCache = new WeakMap<Responsibilities, Array<{ unit: UnitDuties; labels: string[] }>>();

function foldedLabels(responsibilities: Responsibilities): Array<{ unit: UnitDuties; labels: string[] }> {
  let out = labelsCache.get(responsibilities);
  if (!out) {
    out = responsibilities.units.map((unit) => ({
      unit,
      labels: [unit.name, ...unit.aliases].map((label) =>
        foldText(normalizeText(label))
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim(),
      ),
    }));
    labelsCache.set(responsibilities, out);
  }
  return out;
}

/**
 * Vietnamese text listing a unit's duties, each with its deadline, recipient
 * and a citation of the plan section, e.g.
 * `- Làm đầu mối ... [1523/KH-SCT, IV.2]`. Suitable as an answer or as an
 * indexed passage (it repeats the unit name and the document number).
 */
export function formatUnitDuties(unit: UnitDuties, document: string): string {
  const lines = [`Nhiệm vụ của ${unit.name} theo Kế hoạch ${document}:`];
  for (const d of unit.duties) {
    const extra = [d.deadline ? `thời hạn: ${d.deadline}` : null, d.to ? `gửi/báo cáo: ${d.to}` : null].filter((x): x is string => x !== null).join('; ');
    lines.push(`- ${d.task}${extra ? ` (${extra})` : ''} [${document}, ${d.section}]`);
  }
  return lines.join('\n');
}
