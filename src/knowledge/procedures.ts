/**
 * Administrative procedures (thủ tục hành chính, TTHC) of the department,
 * exported by staff from the national procedure database into YAML files under
 * `knowledge/procedures/`. Answers about one procedure are taken word for word
 * from its record, so the bot never guesses documents, fees or time limits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { foldText, normalizeText } from '../text/normalize.js';
import { formatIssues } from './format-issues.js';

const text = z.string().trim().min(1);

const procedureSchema = z
  .object({
    code: text,
    name: text,
    field: text,
    applicants: text,
    documents: z.array(text).min(1),
    time_limit: text,
    fee: text,
    where: text,
    how: z.array(text).min(1),
    online_level: z.enum(['toàn trình', 'một phần', 'không']),
    legal_basis: z.array(text).min(1),
    source: z.union([z.string().url(), z.null()]).default(null),
  })
  .strict();

const procedureFileSchema = z
  .object({
    agency: text,
    updated: z.union([text, z.date().transform((d) => d.toISOString().slice(0, 10))]),
    procedures: z.array(procedureSchema).min(1),
  })
  .strict();

/** One administrative procedure record. */
export type Procedure = z.infer<typeof procedureSchema>;

/** What the user asks about a procedure. */
export type ProcedureAspect = 'documents' | 'time' | 'fee' | 'online' | 'where' | 'overview';

/** Result of {@link loadProcedures}: good records, plus one error per bad file. */
export interface LoadedProcedures {
  procedures: Procedure[];
  errors: Array<{ file: string; message: string }>;
}

/** An answer built only from a procedure record. */
export interface ProcedureAnswer {
  text: string;
  procedure: Procedure;
  aspect: ProcedureAspect;
  citation: string;
}

/**
 * Load every `*.yaml` / `*.yml` file in `dir`, except `*.example.yaml` /
 * `*.example.yml`. A file that is not valid YAML or does not match the schema
 * is skipped and reported in `errors` (message in Vietnamese, naming the bad
 * fields). A missing directory gives an empty result.
 */
export function loadProcedures(dir: string): LoadedProcedures {
  const out: LoadedProcedures = { procedures: [], errors: [] };
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return out;
  }
  const files = names.filter((n) => /\.ya?ml$/i.test(n) && !/\.example\.ya?ml$/i.test(n)).sort();
  for (const name of files) {
    const file = path.join(dir, name);
    let data: unknown;
    try {
      data = parseYaml(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
      out.errors.push({ file, message: `${name}: lỗi cú pháp YAML: ${detail}` });
      continue;
    }
    const parsed = procedureFileSchema.safeParse(data);
    if (!parsed.success) {
      out.errors.push({ file, message: `${name}: ${formatIssues(parsed.error.issues)}` });
      continue;
    }
    out.procedures.push(...parsed.data.procedures);
  }
  return out;
}

// === Matching

/** Function words that say nothing about which procedure is meant. */
const STOPWORDS = new Set([
  'thu',
  'tuc',
  'cho',
  'va',
  'cua',
  'doi',
  'voi',
  'cac',
  'nhung',
  've',
  'o',
  'tai',
  'trong',
  'theo',
  'la',
  'co',
  'khong',
  'gi',
  'nao',
  'the',
  'can',
  'nhu',
  'bao',
  'lau',
  'toi',
  'muon',
  'hoi',
  'xin',
  'de',
  'duoc',
  'khi',
  'thi',
  'mot',
  'hay',
  'hoac',
  'nay',
  'do',
  'ai',
  'minh',
  'em',
  'anh',
  'chi',
]);

const tokens = (s: string): string[] =>
  foldText(normalizeText(s))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');

/** Name tokens that identify a procedure; bracketed notes such as "[VÍ DỤ HƯ CẤU]" are ignored. */
const contentTokens = (s: string): string[] => [...new Set(tokens(s.replace(/\[[^\]]*\]/g, ' ')).filter((t) => !STOPWORDS.has(t)))];

interface Candidate {
  procedure: Procedure;
  coverage: number;
  matched: number;
}

function rank(question: string, procedures: Procedure[]): Candidate[] {
  const q = new Set(tokens(question));
  const foldedQ = ` ${tokens(question).join(' ')} `;
  return procedures
    .map((procedure) => {
      // A procedure code typed in the question is the strongest signal.
      const code = tokens(procedure.code).join(' ');
      if (code !== '' && foldedQ.includes(` ${code} `)) return { procedure, coverage: 2, matched: 99 };
      const name = contentTokens(procedure.name);
      const matched = name.filter((t) => q.has(t)).length;
      return { procedure, coverage: name.length === 0 ? 0 : matched / name.length, matched };
    })
    .sort((a, b) => b.coverage - a.coverage || b.matched - a.matched);
}

/** The procedure clearly named in the question, or null. */
function pickProcedure(question: string, procedures: Procedure[]): Procedure | null {
  const [best, second] = rank(question, procedures);
  if (!best) return null;
  const nameSize = contentTokens(best.procedure.name).length;
  if (best.coverage < 0.6 || best.matched < Math.min(2, nameSize)) return null;
  if (second && second.coverage === best.coverage && second.matched === best.matched) return null;
  return best.procedure;
}

const ASPECT_PATTERNS: Array<[ProcedureAspect, RegExp]> = [
  ['online', /\b(truc tuyen|online|qua mang|tren mang|dich vu cong|nop qua mang|qua internet)\b/],
  ['fee', /\b(le phi|phi|bao nhieu tien|mat tien|ton tien|chi phi)\b/],
  ['time', /\b(bao lau|thoi han|thoi gian|may ngay|bao nhieu ngay|mat bao lau|khi nao co ket qua)\b/],
  ['where', /\b(o dau|noi nop|nop tai dau|cho nao|nop o dau|co quan nao|cach nop|nop nhu the nao)\b/],
  ['documents', /\b(ho so gom|ho so can|ho so co|thanh phan ho so|giay to|can nhung gi|can gi|gom nhung gi|chuan bi)\b/],
];

/** Which aspect of a procedure the question asks about. */
export function detectProcedureAspect(question: string): ProcedureAspect {
  const q = ` ${tokens(question).join(' ')} `;
  for (const [aspect, pattern] of ASPECT_PATTERNS) if (pattern.test(q)) return aspect;
  return 'overview';
}

// === Answer

const ONLINE_TEXT: Record<Procedure['online_level'], string> = {
  'toàn trình': 'có dịch vụ công trực tuyến toàn trình: có thể nộp hồ sơ, theo dõi và nhận kết quả trực tuyến (hoặc qua bưu chính công ích)',
  'một phần': 'có dịch vụ công trực tuyến một phần: có thể nộp hồ sơ trực tuyến, nhưng còn bước phải thực hiện trực tiếp',
  không: 'chưa cung cấp dịch vụ công trực tuyến; cần nộp hồ sơ trực tiếp hoặc theo cách thức nêu dưới đây',
};

const bullets = (items: string[]): string => items.map((i) => `- ${i}`).join('\n');

function body(p: Procedure, aspect: ProcedureAspect): string {
  const title = `Thủ tục "${p.name}" (mã ${p.code})`;
  switch (aspect) {
    case 'documents':
      return `${title} – thành phần hồ sơ:\n${bullets(p.documents)}`;
    case 'time':
      return `${title} – thời hạn giải quyết: ${p.time_limit}.`;
    case 'fee':
      return `${title} – phí, lệ phí: ${p.fee}.`;
    case 'online':
      return `${title} ${ONLINE_TEXT[p.online_level]}.\nCách thức thực hiện:\n${bullets(p.how)}`;
    case 'where':
      return `${title} – nơi nộp hồ sơ: ${p.where}.\nCách thức thực hiện:\n${bullets(p.how)}`;
    case 'overview':
      return [
        `${title}, lĩnh vực ${p.field}.`,
        `- Đối tượng thực hiện: ${p.applicants}`,
        `- Thành phần hồ sơ: ${p.documents.join('; ')}`,
        `- Thời hạn giải quyết: ${p.time_limit}`,
        `- Phí, lệ phí: ${p.fee}`,
        `- Nơi nộp: ${p.where}`,
        `- Trực tuyến: ${ONLINE_TEXT[p.online_level]}`,
      ].join('\n');
  }
}

/**
 * Answer a question about one procedure, exactly from its record.
 *
 * Picks the procedure whose name the question clearly names (folded token
 * overlap, or its code), detects the aspect asked about, and cites the
 * procedure code and its first legal basis.
 *
 * @returns null when no procedure is clearly named (no match, or a tie)
 * @example
 * answerProcedureQuestion('Cấp giấy phép X cần hồ sơ gì?', procs)?.aspect === 'documents'
 */
export function answerProcedureQuestion(question: string, procedures: Procedure[]): ProcedureAnswer | null {
  const procedure = pickProcedure(question, procedures);
  if (!procedure) return null;
  const aspect = detectProcedureAspect(question);
  const basis = procedure.legal_basis[0];
  const citation = basis ? `[TTHC ${procedure.code}; căn cứ: ${basis}]` : `[TTHC ${procedure.code}]`;
  const source = procedure.source ? `\nXem thêm: ${procedure.source}` : '';
  return { text: `${body(procedure, aspect)}\n${citation}${source}`, procedure, aspect, citation };
}
