/**
 * Seeded synthetic Vietnamese legal corpora for the scale benchmark: made-up
 * provincial decisions (Quốc hiệu, số hiệu, Chương / Điều / Khoản) whose
 * sentences are drawn from the project's own knowledge files, so they are
 * realistic distractors. Written at run time into a temporary folder; never
 * committed.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** Sentences (40–220 characters, no structural markers) of the Markdown files under `dir`. */
export function sentencesOf(dir: string): string[] {
  const out = new Set<string>();
  for (const f of walk(dir)) {
    for (const raw of readFileSync(f, 'utf8').split(/\n+|(?<=[.;])\s+/)) {
      const s = raw
        .replace(/^[-*#>\s]+|\*\*|`/g, '')
        .replace(/\[[^\]]*\]\([^)]*\)/g, '')
        .trim();
      if (s.length < 40 || s.length > 220 || /^(Điều|Chương|Phần|Mục)\s|^\d+\.|^[a-zđ]\)|https?:|\|/u.test(s)) continue;
      out.add(s.endsWith('.') || s.endsWith(';') ? s : `${s}.`);
    }
  }
  return [...out];
}

const TOPICS = [
  'quản lý chợ',
  'an toàn thực phẩm',
  'khuyến công',
  'xúc tiến thương mại',
  'phát triển thương mại điện tử',
  'kinh doanh xăng dầu',
  'quản lý cụm công nghiệp',
  'tiết kiệm năng lượng',
  'an toàn điện',
  'quản lý vật liệu nổ công nghiệp',
  'kiểm tra hoạt động bán hàng đa cấp',
  'phát triển công nghiệp hỗ trợ',
];
const CHAPTERS = ['QUY ĐỊNH CHUNG', 'NỘI DUNG CỤ THỂ', 'TRÁCH NHIỆM CỦA CÁC CƠ QUAN', 'TỔ CHỨC THỰC HIỆN'];
const ARTICLE_TITLES = [
  'Phạm vi điều chỉnh',
  'Đối tượng áp dụng',
  'Giải thích từ ngữ',
  'Nguyên tắc thực hiện',
  'Nội dung thực hiện',
  'Trách nhiệm phối hợp',
  'Chế độ báo cáo',
  'Kinh phí thực hiện',
  'Kiểm tra, giám sát',
  'Điều khoản thi hành',
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

export interface CorpusSpec {
  /** Target number of chunks (≈ articles + 3 per file). */
  chunks: number;
  seed: number;
  /** Articles per decision. */
  articlesPerFile?: number;
}

/** Chunks one generated file yields (one per Điều, plus document card, preamble and recipients). */
export const EXTRA_CHUNKS_PER_FILE = 3;

/** Text of one synthetic decision. */
export function decisionText(index: number, articles: number, sentences: readonly string[], rand: () => number): string {
  const pick = () => sentences[Math.floor(rand() * sentences.length)] ?? '';
  const topic = TOPICS[index % TOPICS.length] as string;
  const num = 1000 + index;
  const day = 1 + Math.floor(rand() * 28);
  const month = 1 + Math.floor(rand() * 12);
  const year = 2015 + Math.floor(rand() * 10);
  const lines = [
    'ỦY BAN NHÂN DÂN',
    'TỈNH HƯ CẤU',
    `Số: ${num}/QĐ-UBND`,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    `Hư Cấu, ngày ${day} tháng ${month} năm ${year}`,
    'QUYẾT ĐỊNH',
    `Về việc ban hành Quy định ${topic} trên địa bàn tỉnh Hư Cấu (số ${index})`,
    'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯ CẤU',
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
    `Căn cứ ${pick()}`,
    'QUYẾT ĐỊNH:',
  ];
  const perChapter = Math.max(1, Math.ceil(articles / CHAPTERS.length));
  for (let a = 1; a <= articles; a++) {
    if ((a - 1) % perChapter === 0) {
      const c = Math.floor((a - 1) / perChapter);
      lines.push(`Chương ${ROMAN[c] ?? c + 1}`, CHAPTERS[c % CHAPTERS.length] as string);
    }
    lines.push(`Điều ${a}. ${ARTICLE_TITLES[(a + index) % ARTICLE_TITLES.length]} về ${topic}`);
    const khoan = 2 + Math.floor(rand() * 2);
    for (let k = 1; k <= khoan; k++) lines.push(`${k}. ${pick()} ${rand() < 0.5 ? pick() : ''}`.trim());
  }
  lines.push('Nơi nhận:', '- Như Điều 3;', '- Lưu: VT.', 'CHỦ TỊCH', `Nguyễn Văn Số ${index}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Write a corpus of about `spec.chunks` chunks into `dir` (TXT files).
 * @returns the relative file names written
 */
export function writeSyntheticCorpus(dir: string, sentences: readonly string[], spec: CorpusSpec): string[] {
  const articles = spec.articlesPerFile ?? 40;
  const files = Math.max(1, Math.round(spec.chunks / (articles + EXTRA_CHUNKS_PER_FILE)));
  const rand = seededRandom(spec.seed);
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < files; i++) {
    const name = `qd-${String(i).padStart(5, '0')}.txt`;
    writeFileSync(join(dir, name), decisionText(i, articles, sentences, rand));
    names.push(name);
  }
  return names;
}
