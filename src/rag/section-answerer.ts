/**
 * Questions that name a section of the plan ("Mục III nói gì?", "phần IV
 * gồm những gì", "điểm II.3.b") get that section: its outline when it has
 * children, else its passage.
 */
import type { DirectAnswer, DirectAnswerer } from './answerer.js';
import { EXACT_SUPPORT } from './candidates.js';
import type { Chunk } from './chunk.js';
import { citation, sourcePhrase } from './compose.js';
import { sectionLookup } from './section-lookup.js';

/** "mục III", "phần IV", "mục II.3.b", "điểm b mục II.3" → a section path. */
export function namedSection(question: string): string | null {
  const item = /(?:^|\s)(?:[Đđ]iểm|[Dd]iem)\s+([a-zđ])\)?\s+(?:[Mm]ục|[Mm]uc)\s+((?:I|II|III|IV)\.\d{1,2})(?=[\s?.,:;]|$)/.exec(question);
  if (item?.[1] && item[2]) return `${item[2]}.${item[1]}`;
  const m = /(?:^|\s)(?:[Mm]ục|[Pp]hần|[Đđ]iểm|[Mm]uc|[Pp]han|[Dd]iem)\s+((?:I|II|III|IV|V|VI|VII|VIII|IX|X)(?:\.\d{1,2})?(?:\.[a-zđ])?)(?=[\s?.,:;]|$)/.exec(
    question,
  );
  return m?.[1] ?? null;
}

const MAX_PASSAGE_CHARS = 900;

function clipText(s: string): string {
  if (s.length <= MAX_PASSAGE_CHARS) return s;
  const cut = s.lastIndexOf(' ', MAX_PASSAGE_CHARS - 2);
  return `${s.slice(0, cut > 0 ? cut : MAX_PASSAGE_CHARS)} …`;
}

/** Sections of the plan(s) by path. */
export function sectionAnswerer(chunks: readonly Chunk[], planIds: ReadonlySet<string>): DirectAnswerer {
  return {
    name: 'section',
    answer(question: string): DirectAnswer | null {
      const path = namedSection(question);
      if (!path || planIds.size !== 1) return null;
      const inPlan = [...planIds].flatMap((id) => sectionLookup(chunks)(id, path));
      const outline = inPlan.find((c) => c.kind === 'outline');
      const passage = inPlan.find((c) => c.kind === 'passage');
      const c = outline ?? passage;
      if (!c) return null;
      const lines = c.text.split('\n');
      const body =
        c.kind === 'outline'
          ? `${lines[0] ?? ''}\n${lines
              .slice(1)
              .map((l) => `• ${l}`)
              .join('\n')}`
          : clipText(lines.slice(lines.length > 1 ? 1 : 0).join(' '));
      const used = passage && outline ? [outline, passage] : [c];
      return { text: `Theo ${sourcePhrase(c)}:\n${body}\n${citation(c)}`, chunks: used, support: EXACT_SUPPORT };
    },
  };
}
