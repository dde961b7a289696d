/**
 * BM25 keyword search (MiniSearch) over our own Vietnamese tokens. Each chunk
 * is indexed in four fields: heading trail and text, each folded and
 * accented. A query typed with accents searches all four; one without
 * accents only the folded fields.
 */
import MiniSearch from 'minisearch';
import type { Glossary } from '../text/glossary.js';
import { hasDiacritics } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import type { Chunk } from './chunk.js';

interface LexicalDoc {
  id: string;
  titleF: string;
  textF: string;
  titleA: string;
  textA: string;
}

const FIELDS = ['titleF', 'textF', 'titleA', 'textA'];

const OPTIONS = {
  fields: FIELDS,
  idField: 'id',
  tokenize: (s: string) => s.split(' ').filter(Boolean),
  processTerm: (t: string) => t,
};

export interface ScoredId {
  id: string;
  score: number;
}

/**
 * Text indexed as the heading side of a chunk: document id and heading trail.
 * (Not the document title: a plan's title names every indicator.)
 */
export function chunkHeading(c: Chunk): string {
  return [c.docId, ...c.trail].join(' \n ');
}

export class LexicalIndex {
  private constructor(
    private readonly ms: MiniSearch<LexicalDoc>,
    private readonly glossary?: Glossary,
  ) {}

  /** Build from chunks. */
  static build(chunks: readonly Chunk[], glossary?: Glossary): LexicalIndex {
    const ms = new MiniSearch<LexicalDoc>(OPTIONS);
    ms.addAll(
      chunks.map((c) => {
        const head = tokenize(chunkHeading(c), glossary);
        const body = tokenize(c.text, glossary);
        return { id: c.id, titleF: head.folded.join(' '), textF: body.folded.join(' '), titleA: head.accented.join(' '), textA: body.accented.join(' ') };
      }),
    );
    return new LexicalIndex(ms, glossary);
  }

  /** Restore from {@link toJSON} output. */
  static fromJSON(json: string, glossary?: Glossary): LexicalIndex {
    return new LexicalIndex(MiniSearch.loadJSON<LexicalDoc>(json, OPTIONS), glossary);
  }

  toJSON(): string {
    return JSON.stringify(this.ms);
  }

  /**
   * Ranked chunk ids, best first.
   * @param extra weaker alternatives of the query's words (thesaurus,
   *   abbreviations): their tokens are searched too, boosted by their weight
   *   (always below the user's own tokens)
   */
  search(query: string, limit = 20, extra: ReadonlyArray<{ text: string; weight: number }> = []): ScoredId[] {
    const q = tokenize(query, this.glossary);
    const accented = hasDiacritics(query);
    const boost = new Map<string, number>();
    for (const t of accented ? [...q.folded, ...q.accented] : q.folded) boost.set(t, 1);
    for (const e of extra) {
      const x = tokenize(e.text, this.glossary);
      for (const t of accented ? [...x.folded, ...x.accented] : x.folded) boost.set(t, Math.max(boost.get(t) ?? 0, e.weight));
    }
    const terms = [...boost.keys()];
    if (terms.length === 0) return [];
    const fields = accented ? FIELDS : ['titleF', 'textF'];
    const hits = this.ms.search(terms.join(' '), {
      fields,
      combineWith: 'OR',
      boost: { titleF: 1.6, textF: 1, titleA: 1.6, textA: 1 },
      boostTerm: (term) => boost.get(term) ?? 1,
      prefix: false,
      fuzzy: false,
    });
    return hits.slice(0, limit).map((h) => ({ id: String(h.id), score: h.score }));
  }
}
