/**
 * The body of the knowledge as the thesaurus coverage walk reads it: the
 * sentences people ask about, not only the headings. The plan's sections
 * I–IV (bullets and paragraphs), every duty of responsibilities.yaml, and the
 * passages of the guides and indicator explainers (their "Nguồn:" lines are
 * addresses, not vocabulary). Pure: the caller loads documents and duties.
 */
import type { LoadedDocument } from './document.js';

/** Plan sections of the body: I, I.1, II.3.b … IV (not the preamble, recipients or signature). */
const PLAN_BODY = /^(?:I|II|III|IV)(?:\.|$)/;

/** Whether a document's passages are explainer or guide text (by folder). */
const isExplainer = (d: LoadedDocument) => /(?:^|\/)(?:guides|indicators)\//.test(d.file);

/**
 * Split a passage into sentences and clauses short enough to read as one
 * unit: at line breaks, at sentence ends and at semicolons. A list marker
 * ("- ", "a) ", "(3) ") is dropped; empty pieces are skipped.
 */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*Nguồn\s*:/i.test(line)) continue;
    for (const piece of line.split(/(?<=[.;!?])\s+|;\s*/)) {
      const s = piece
        .replace(/^\s*(?:[-•*]|\(?[a-zđ0-9]{1,2}[.)])\s+/i, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (/\p{L}{2}/u.test(s)) out.push(s);
    }
  }
  return out;
}

/** Body sentences of the knowledge (deduplicated, in reading order). */
export function bodyTexts(documents: readonly LoadedDocument[], duties: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const d of documents) {
    const plan = d.meta.structure === 'plan';
    if (!plan && !isExplainer(d)) continue;
    for (const s of d.sections) {
      if (s.kind !== 'passage') continue;
      if (plan && !PLAN_BODY.test(s.path)) continue;
      out.push(...sentencesOf(s.text));
    }
  }
  for (const t of duties) out.push(...sentencesOf(t));
  return [...new Set(out)];
}
