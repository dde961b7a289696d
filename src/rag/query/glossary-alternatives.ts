/**
 * Glossary entries as alternatives: where a question uses an abbreviation or
 * one of its everyday forms ("trang web"), the full form counts for those
 * words (and the reverse) in coverage and word support — in addition to the
 * glossary expansion terms the retriever already searches.
 */
import { containsAbbreviation, type Glossary } from '../../text/glossary.js';
import { foldText, normalizeText } from '../../text/normalize.js';
import { type Expansion, ORIGIN_WEIGHT } from '../../text/query/types.js';

const squash = (s: string) =>
  ` ${s
    .replace(/[^a-z0-9& ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;

/** Glossary forms found in the text, each with the other side of its entry as alternative. */
export function glossaryAlternatives(text: string, glossary: Glossary): Expansion[] {
  const norm = normalizeText(text);
  const folded = foldText(norm);
  const squashed = squash(folded);
  const weight = ORIGIN_WEIGHT.abbreviation;
  const out: Expansion[] = [];
  for (const e of glossary.entries) {
    const hasFull = squashed.includes(squash(e.foldedFull));
    const hasAbbr = containsAbbreviation(norm, folded, e);
    if (hasAbbr && !hasFull) {
      const typed = e.forms.filter((f) => squashed.includes(squash(foldText(f))));
      out.push({
        source: (typed.length > 0 ? typed : e.forms).join(' ').toLowerCase(),
        alternatives: [{ text: e.full.toLowerCase(), weight, origin: 'abbreviation' }],
      });
    } else if (hasFull && !hasAbbr) {
      out.push({ source: e.foldedFull, alternatives: [{ text: e.abbr.toLowerCase(), weight, origin: 'abbreviation' }] });
    }
  }
  return out;
}
