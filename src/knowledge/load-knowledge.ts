/**
 * Scan the knowledge directory and load every document it holds. A file
 * that cannot be read is reported by name with the reason and skipped; the
 * rest still load.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { AppError, isAppError } from '../errors.js';
import { type DocSection, defaultMeta, type LoadedDocument } from './document.js';
import { documentCard } from './document-card.js';
import { metaFromFrontMatter, splitFrontMatter } from './front-matter.js';
import { markdownSections } from './markdown-sections.js';
import { planSections } from './plan-sections.js';

/** Files that configure the bot rather than being documents. */
const NOT_DOCUMENTS = new Set(['readme.md', 'glossary.yaml', 'responsibilities.yaml', 'thesaurus.yaml', 'chat-abbreviations.yaml', 'everyday-words.yaml']);
const TEXT_EXTENSIONS = new Set(['.md', '.markdown']);
const BINARY_EXTENSIONS = new Set(['.pdf', '.docx', '.html', '.htm', '.txt']);

export interface KnowledgeFile {
  /** Path relative to the knowledge dir, with forward slashes. */
  rel: string;
  abs: string;
  /** sha256 of the file bytes (and of its sidecar, if any). */
  hash: string;
  /** {@link statKey} of the file when it was listed. */
  stat?: string;
}

export interface LoadError {
  file: string;
  message: string;
}

/**
 * Loader for PDF/DOCX/HTML/TXT files and for bodies with legal structure,
 * injected so the scan does not depend on the heavy parsers.
 */
export interface BinaryLoader {
  load(abs: string, rel: string): Promise<LoadedDocument>;
  legalSections(body: string, docTitle: string): DocSection[];
}

function isDocumentFile(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('.') || lower.startsWith('_')) return false;
  if (NOT_DOCUMENTS.has(lower) || lower.includes('.example.') || lower.endsWith('.meta.yaml')) return false;
  const ext = extname(lower);
  return TEXT_EXTENSIONS.has(ext) || BINARY_EXTENSIONS.has(ext);
}

/**
 * A file's size and modification time (and its sidecar's), as a key: when
 * it equals the one recorded at the previous build, the recorded hash can
 * be reused without reading the file.
 */
export function statKey(st: { size: number; mtimeMs: number }, meta: { size: number; mtimeMs: number } | null): string {
  return `${st.size}:${st.mtimeMs}${meta ? `:${meta.size}:${meta.mtimeMs}` : ''}`;
}

/**
 * Every document file under `dir`, sorted, with content hashes.
 * @param known the hash recorded for a file with this relative path and
 *   {@link statKey} at a previous build, if it can be trusted (then the file is not read)
 */
export function listKnowledgeFiles(dir: string, known?: (rel: string, stat: string, mtimeMs: number) => string | undefined): KnowledgeFile[] {
  const out: KnowledgeFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      const st = statSync(abs);
      if (st.isDirectory()) {
        if (!name.startsWith('.') && !name.startsWith('_')) walk(abs);
      } else if (isDocumentFile(name)) {
        const rel = relative(dir, abs).split(sep).join('/');
        const meta = statSync(`${abs}.meta.yaml`, { throwIfNoEntry: false }) ?? null;
        const stat = statKey(st, meta);
        const recorded = known?.(rel, stat, Math.max(st.mtimeMs, meta?.mtimeMs ?? 0));
        if (recorded) {
          out.push({ rel, abs, hash: recorded, stat });
          continue;
        }
        const h = createHash('sha256').update(readFileSync(abs));
        try {
          h.update(readFileSync(`${abs}.meta.yaml`));
        } catch {
          // no sidecar
        }
        out.push({ rel, abs, hash: h.digest('hex').slice(0, 32), stat });
      }
    }
  };
  walk(dir);
  return out;
}

function plainSections(body: string, title: string): DocSection[] {
  const paras = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return paras.map((p, i) => ({ path: `Đoạn ${i + 1}`, trail: [title], text: p, kind: 'passage' as const }));
}

/** Load one knowledge file into a {@link LoadedDocument}. */
export async function loadKnowledgeFile(f: KnowledgeFile, binary?: BinaryLoader): Promise<LoadedDocument> {
  const ext = extname(f.rel).toLowerCase();
  const isText = TEXT_EXTENSIONS.has(ext) || ext === '.txt';
  const raw = isText ? readFileSync(f.abs, 'utf8') : '';
  const fm = isText ? splitFrontMatter(raw) : { data: null, body: '' };
  if (!isText || (ext === '.txt' && fm.data === null)) {
    if (!binary) throw new AppError('KNOWLEDGE_FILE_UNREADABLE', `${f.rel}: định dạng ${ext} chưa được hỗ trợ`);
    return binary.load(f.abs, f.rel);
  }
  let meta: ReturnType<typeof defaultMeta>;
  if (fm.data) {
    meta = metaFromFrontMatter(f.rel, fm.data, ext === '.txt' ? 'plain' : 'markdown');
  } else {
    const h1 = /^#\s+(.+)$/m.exec(fm.body)?.[1]?.trim();
    const stem = basename(f.rel, ext);
    meta = defaultMeta({ id: stem, title: h1 ?? stem, structure: 'markdown' });
  }
  let sections: DocSection[];
  switch (meta.structure) {
    case 'plan':
      sections = planSections(fm.body);
      break;
    case 'markdown':
      sections = markdownSections(fm.body, meta.title);
      break;
    case 'legal':
      if (!binary) throw new AppError('KNOWLEDGE_FILE_UNREADABLE', `${f.rel}: thiếu bộ phân tích văn bản pháp luật`);
      sections = binary.legalSections(fm.body, meta.title);
      break;
    default:
      sections = plainSections(fm.body, meta.title);
  }
  return { file: f.rel, meta, sections };
}

export interface LoadedKnowledge {
  documents: LoadedDocument[];
  errors: LoadError[];
}

/** Load every file; unreadable files go to `errors` and are skipped. */
export async function loadKnowledge(files: KnowledgeFile[], binary?: BinaryLoader): Promise<LoadedKnowledge> {
  const documents: LoadedDocument[] = [];
  const errors: LoadError[] = [];
  for (const f of files) {
    try {
      const doc = await loadKnowledgeFile(f, binary);
      const card = documentCard(doc.meta, doc.sections);
      documents.push(card ? { ...doc, sections: [card, ...doc.sections] } : doc);
    } catch (err) {
      const message = isAppError(err) ? err.message : `${f.rel}: ${(err as Error).message}`;
      errors.push({ file: f.rel, message });
    }
  }
  return { documents, errors };
}
