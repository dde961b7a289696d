/**
 * Follow-up questions ("còn PCI thì sao?") only make sense with the previous
 * question. We rewrite them into a standalone question before retrieval.
 */
import { foldText } from '../text/normalize.js';

const FOLLOW_UP = /^(va |vay |the |con |nhung )*con\s|^(the|vay) con\s|\s(thi|the) sao\s*\??$|^con\s/;
const INDICATOR = /\b(PAR\s*INDEX|PAPI|PCI)\b/i;

/** True when the question reads as a follow-up. */
export function isFollowUp(question: string): boolean {
  const f = foldText(question).trim();
  return f.split(/\s+/).length <= 8 && FOLLOW_UP.test(` ${f}`.trimStart());
}

/** The new subject of a follow-up: "còn PCI thì sao?" → "PCI". */
export function followUpSubject(question: string): string {
  return question
    .replace(/^\s*(và|vậy|thế|nhưng)?\s*còn\s+/i, '')
    .replace(/^\s*(va|vay|the|nhung)?\s*con\s+/i, '')
    .replace(/\s*(thì|thế|thi|the)\s+(sao|nào|nao)\s*\??\s*$/i, '')
    .replace(/\?+$/, '')
    .trim();
}

/**
 * Rewrite a follow-up into a standalone question using the previous one.
 * Non-follow-ups are returned unchanged.
 */
export function resolveFollowUp(question: string, previous: string): string {
  if (!previous || !isFollowUp(question)) return question;
  const subject = followUpSubject(question);
  if (!subject) return previous;
  const prevIndicator = INDICATOR.exec(previous);
  if (prevIndicator && INDICATOR.test(subject)) return previous.replace(INDICATOR, subject.match(INDICATOR)?.[0] ?? subject);
  return `${subject} ${previous}`;
}
