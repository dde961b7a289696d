/**
 * Load a full-text legal document dropped into the knowledge directory as
 * PDF, DOCX, HTML or TXT: extract the text, read the header, apply the
 * sidecar, and split the body by Điều / Khoản / Điểm.
 */
import path from 'node:path';
import { type DocMeta, defaultMeta, type LoadedDocument } from '../document.js';
import { extractText } from './extract-text.js';
import { parseLegalHeader } from './legal-header.js';
import { parseLegalDocument } from './legal-parser.js';
import { readSidecar, type SidecarMeta } from './sidecar.js';

/** File extensions loaded by {@link loadBinaryDocument} (lower case, with the dot). */
export const SUPPORTED_BINARY_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm', '.txt'] as const;

/** True when `file` has one of {@link SUPPORTED_BINARY_EXTENSIONS}. */
export function isSupportedBinaryFile(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return (SUPPORTED_BINARY_EXTENSIONS as readonly string[]).includes(ext);
}

/** The file name without directory and extension: `qd/quyet-dinh-123.pdf` → `quyet-dinh-123`. */
const baseName = (relPath: string): string => path.basename(relPath, path.extname(relPath));

/** Year of a document from its date or its số hiệu (`02/2011/QH13` → 2011). */
function yearOf(meta: Partial<DocMeta>): string | null {
  if (meta.date) return meta.date.slice(0, 4);
  const m = meta.number ? /\/((?:19|20)\d{2})\//u.exec(meta.number) : null;
  return m ? (m[1] as string) : null;
}

/**
 * Merge header-derived metadata with the sidecar (sidecar wins) into a full
 * {@link DocMeta}. `id`: sidecar id, else the số hiệu, else the file name.
 * A law also gets `Luật … <năm>` as an alias.
 */
export function mergeMeta(header: Partial<DocMeta>, sidecar: SidecarMeta | null, relPath: string, structure: DocMeta['structure']): DocMeta {
  const side = sidecar ?? {};
  const merged: Partial<DocMeta> = { ...header, ...side };
  const id = side.id ?? merged.number ?? baseName(relPath);
  const title = merged.title ?? baseName(relPath);
  const aliases = [...(side.aliases ?? [])];
  if (merged.number && merged.number !== id) aliases.push(merged.number);
  const year = yearOf(merged);
  if (merged.type === 'luật' && /^luật\s/iu.test(title) && year) aliases.push(`${title} ${year}`);
  return defaultMeta({
    ...merged,
    id,
    title,
    verified: side.verified ?? false,
    fulltext: true,
    structure,
    aliases: [...new Set(aliases)].filter((a) => a !== id),
  });
}

/**
 * Load one PDF / DOCX / HTML / TXT legal document.
 * @param absPath absolute path of the file
 * @param relPath path relative to the knowledge directory (stored as `file`, used in messages)
 * @throws AppError `KNOWLEDGE_FILE_UNREADABLE` when no text can be extracted,
 *   `KNOWLEDGE_INVALID` for a bad sidecar
 */
export async function loadBinaryDocument(absPath: string, relPath: string): Promise<LoadedDocument> {
  const text = await extractText(absPath, relPath);
  const header = parseLegalHeader(text);
  const sidecar = await readSidecar(absPath, relPath);
  const title = sidecar?.title ?? header.title ?? baseName(relPath);
  const { structure, sections } = parseLegalDocument(text, title);
  return { file: relPath, meta: mergeMeta(header, sidecar, relPath, structure), sections };
}
