/**
 * The department's units as records (`knowledge/units.yaml`): a mention in a
 * report ("phong QLTM", "Phòng Quản lý thương mại", "VP") resolves to one
 * unit, so summaries never count one unit twice. Units not in the file are
 * kept as written (tidied) and grouped by their initials, and the flow says
 * that the unit is not on the list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { formatIssues } from '../knowledge/format-issues.js';
import { foldText } from '../text/normalize.js';

export const UNITS_FILE = 'units.yaml';

const unitSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'viết thường, không dấu, nối bằng "-"'),
    name: z.string().trim().min(2),
    short: z.string().trim().min(1).optional(),
    aliases: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

const fileSchema = z.object({ units: z.array(unitSchema).min(1) }).strict();

/** One unit of the department. */
export type Unit = z.infer<typeof unitSchema>;

/** A mention resolved against the list. */
export interface ResolvedUnit {
  /** The unit's id, or null when the unit is not on the list. */
  id: string | null;
  /** The unit's name on the list, or the mention tidied ("phong QLTM" → "Phòng QLTM"). */
  name: string;
  /** Grouping key: the id, or the head word plus the initials of the rest. */
  key: string;
}

/** Words that start a unit's name; the rest is its own name. */
const HEADS = ['van phong', 'thanh tra', 'trung tam', 'chi cuc', 'cong doan', 'chi doan', 'ban', 'phong'];
const DISPLAY_HEAD: Record<string, string> = {
  'van phong': 'Văn phòng',
  'thanh tra': 'Thanh tra',
  'trung tam': 'Trung tâm',
  'chi cuc': 'Chi cục',
  'cong doan': 'Công đoàn',
  'chi doan': 'Chi đoàn',
  ban: 'Ban',
  phong: 'Phòng',
};

const words = (s: string): string[] =>
  s
    .normalize('NFC')
    .split(/[\s,–—-]+/)
    .filter(Boolean);

/** A token written as an abbreviation ("QLTM", "KH-TC-TH", "TTr"): no Vietnamese vowel cluster of a syllable. */
function isAbbreviation(token: string): boolean {
  const t = token.replace(/[&.]/g, '');
  if (t.length < 2) return false;
  if (/^[\p{Lu}\d]+$/u.test(t)) return true;
  return /^\p{Lu}/u.test(t) && !/[aeiouyăâêôơưáàảãạ]/i.test(foldText(t).slice(1));
}

/**
 * The grouping key of a unit name: its head word and the initials of the rest.
 * @example initialsKey('Phòng Quản lý thương mại') === initialsKey('phong QLTM') // 'phong:QLTM'
 */
export function initialsKey(name: string): string {
  const folded = foldText(name).replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
  const head = HEADS.find((h) => folded === h || folded.startsWith(`${h} `)) ?? '';
  const original = words(name);
  const rest = original.slice(head ? head.split(' ').length : 0);
  const initials = rest
    .map((w) => (isAbbreviation(w) ? foldText(w).replace(/[^a-z0-9]/g, '') : foldText(w).charAt(0)))
    .join('')
    .toUpperCase();
  return `${head}:${initials}`;
}

/** "phong QLTM" → "Phòng QLTM": the head word written properly, the rest as typed. */
function tidy(mention: string): string {
  const clean = mention.normalize('NFC').replace(/\s+/g, ' ').trim();
  const folded = foldText(clean);
  const head = HEADS.find((h) => folded === h || folded.startsWith(`${h} `));
  if (!head) return clean;
  const headWords = head.split(' ').length;
  const rest = clean.split(' ').slice(headWords).join(' ');
  return [DISPLAY_HEAD[head], rest].filter(Boolean).join(' ');
}

/** Resolves unit mentions against the department's list. */
export class UnitDirectory {
  private readonly byForm = new Map<string, Unit>();
  private readonly byInitials = new Map<string, Unit>();

  constructor(readonly units: readonly Unit[]) {
    for (const u of units) {
      for (const form of [u.name, u.short, ...u.aliases]) {
        if (form) this.byForm.set(foldText(form).replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim(), u);
      }
      const key = initialsKey(u.name);
      if (!key.endsWith(':')) this.byInitials.set(key, u);
    }
  }

  /** Resolve a mention; an empty mention gives null. */
  resolve(mention: string | null | undefined): ResolvedUnit | null {
    const clean = (mention ?? '').replace(/\s+/g, ' ').trim();
    if (!clean) return null;
    const form = foldText(clean).replace(/[–—]/g, '-');
    const direct = this.byForm.get(form) ?? this.byForm.get(form.replace(/^(phong|ban)\s+/, ''));
    const key = initialsKey(clean);
    const unit = direct ?? this.byInitials.get(key);
    if (unit) return { id: unit.id, name: unit.name, key: unit.id };
    const abbreviated = words(clean).some(isAbbreviation);
    return { id: null, name: tidy(clean), key: abbreviated && !key.endsWith(':') ? key : `name:${foldText(tidy(clean))}` };
  }

  /**
   * One display name per unit for a set of mentions (e.g. every report's
   * unit), for summaries: listed units by their name; an abbreviation not on
   * the list joins the one unlisted full name with the same initials
   * ("Phòng QLTM" + "Phòng Quản lý thương mại"), never two of them.
   */
  groups(mentions: ReadonlyArray<string | null | undefined>): Map<string, string> {
    const resolved = new Map<string, ResolvedUnit>();
    for (const m of mentions) {
      const r = m ? this.resolve(m) : null;
      if (m && r) resolved.set(m, r);
    }
    const fullByInitials = new Map<string, string[]>();
    for (const r of resolved.values()) {
      if (r.id || !r.key.startsWith('name:')) continue;
      const k = initialsKey(r.name);
      const list = fullByInitials.get(k) ?? [];
      if (!list.includes(r.name)) list.push(r.name);
      fullByInitials.set(k, list);
    }
    const out = new Map<string, string>();
    for (const [mention, r] of resolved) {
      const full = !r.id && !r.key.startsWith('name:') ? fullByInitials.get(r.key) : undefined;
      out.set(mention, full?.length === 1 ? (full[0] as string) : r.name);
    }
    return out;
  }
}

/** A directory with no units: every mention is kept as written. */
export const EMPTY_UNITS = new UnitDirectory([]);

/**
 * Load `knowledge/units.yaml`. A missing file gives an empty directory;
 * a malformed one is an error naming the file and the field.
 * @throws AppError KNOWLEDGE_INVALID
 */
export function loadUnits(knowledgeDir: string): UnitDirectory {
  const file = path.join(knowledgeDir, UNITS_FILE);
  if (!fs.existsSync(file)) return EMPTY_UNITS;
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(file, 'utf8'), { prettyErrors: true });
  } catch (err) {
    throw new AppError('KNOWLEDGE_INVALID', `${UNITS_FILE}: lỗi cú pháp YAML: ${(err as Error).message.split('\n')[0]}`, { cause: err });
  }
  const result = fileSchema.safeParse(data);
  if (!result.success) throw new AppError('KNOWLEDGE_INVALID', `${UNITS_FILE}: ${formatIssues(result.error.issues)}`);
  const ids = new Set<string>();
  for (const u of result.data.units) {
    if (ids.has(u.id)) throw new AppError('KNOWLEDGE_INVALID', `${UNITS_FILE}: id "${u.id}" bị trùng`);
    ids.add(u.id);
  }
  return new UnitDirectory(result.data.units);
}
