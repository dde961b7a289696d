/**
 * Index chunks: a document section cut to at most {@link MAX_CHUNK_CHARS}
 * characters, carrying everything a citation needs.
 */
import { createHash } from 'node:crypto';
import type { DocSection, LoadedDocument } from '../knowledge/document.js';

export const MAX_CHUNK_CHARS = 1500;

export interface Chunk {
  /** Stable id: `docId#path#kind[~n]`. */
  id: string;
  docId: string;
  docTitle: string;
  docType: string;
  /** Knowledge file the chunk came from (relative path). */
  file: string;
  /** Citation path, e.g. `II.3.b`, `Điều 9, Khoản 1`. */
  section: string;
  /** Heading trail from the top of the document. */
  trail: string[];
  /** The passage (≤ 1500 characters). */
  text: string;
  kind: 'passage' | 'outline';
  /** Content hash of what is indexed (id, trail, text). */
  hash: string;
}

export function hashText(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex').slice(0, 32);
}

/**
 * Split text into pieces of at most `max` characters at line, then sentence,
 * then word boundaries. Each piece after the first is prefixed with `lead`
 * (the section heading) so it stands alone.
 */
export function splitText(text: string, max: number, lead = ''): string[] {
  if (text.length <= max) return [text];
  const prefix = lead ? `${lead} (tiếp)\n` : '';
  const budget = Math.max(100, max - prefix.length);
  // Atoms no longer than the budget: lines, else sentences, else word runs.
  const atoms: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length <= budget) {
      atoms.push(line);
      continue;
    }
    for (const sentence of line.split(/(?<=[.;!?])\s+/)) {
      let rest = sentence;
      while (rest.length > budget) {
        let cut = rest.lastIndexOf(' ', budget);
        if (cut < budget / 2) cut = budget;
        atoms.push(rest.slice(0, cut));
        rest = rest.slice(cut).trimStart();
      }
      if (rest) atoms.push(rest);
    }
  }
  const pieces: string[] = [];
  let cur = '';
  for (const atom of atoms) {
    const limit = pieces.length === 0 ? max : budget;
    const candidate = cur ? `${cur}\n${atom}` : atom;
    if (candidate.length > limit && cur) {
      pieces.push(cur);
      cur = atom;
    } else {
      cur = candidate;
    }
  }
  if (cur) pieces.push(cur);
  return pieces.map((p, i) => (i === 0 ? p : `${prefix}${p}`));
}

/** Chunks of one loaded document. */
export function chunkDocument(doc: LoadedDocument): Chunk[] {
  const chunks: Chunk[] = [];
  const seen = new Map<string, number>();
  for (const s of doc.sections) {
    const text = s.text.trim();
    if (!text) continue;
    const lead = (text.split('\n')[0] ?? '').slice(0, 200);
    const pieces = splitText(text, MAX_CHUNK_CHARS, lead);
    pieces.forEach((piece, i) => {
      let id = `${doc.meta.id}#${s.path}#${s.kind}${pieces.length > 1 ? `~${i + 1}` : ''}`;
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      if (n > 0) id = `${id}@${n + 1}`;
      chunks.push(makeChunk(doc, s, id, piece));
    });
  }
  return chunks;
}

function makeChunk(doc: LoadedDocument, s: DocSection, id: string, text: string): Chunk {
  return {
    id,
    docId: doc.meta.id,
    docTitle: doc.meta.title,
    docType: doc.meta.type,
    file: doc.file,
    section: s.path,
    trail: s.trail,
    text,
    kind: s.kind,
    hash: hashText(id, s.trail.join(' › '), text),
  };
}
