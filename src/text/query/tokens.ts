/**
 * A query as a list of tokens (words and the text between them), so each
 * stage can replace or drop words and still give back readable text.
 */
import { foldText } from '../normalize.js';
import type { TermOrigin } from './types.js';

export interface Token {
  /** The word as written (normalised). Empty for a separator. */
  word: string;
  /** Lower-case folded form of the word. */
  fold: string;
  /** Text that follows the word up to the next word (spaces, punctuation). */
  after: string;
  /** Set when a stage wrote this word (absent: the user's own). */
  origin?: TermOrigin;
  /** The word's accented spelling when a stage wrote it folded (a chat abbreviation's meaning in an unaccented question). */
  accent?: string;
}

const WORDS = /([\p{L}\p{N}]+(?:[/&-][\p{L}\p{N}]+)*)/u;

/** Split normalised text into tokens. Document numbers (`60/2021/NĐ-CP`) stay one token. */
export function toTokens(text: string): { lead: string; tokens: Token[] } {
  const parts = text.split(WORDS);
  const lead = parts[0] ?? '';
  const tokens: Token[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const word = parts[i] as string;
    tokens.push({ word, fold: foldText(word), after: parts[i + 1] ?? '' });
  }
  return { lead, tokens };
}

/** Join tokens back into text, collapsing the spaces left by removed words. */
export function fromTokens(tokens: readonly Token[]): string {
  return tokens
    .map((t) => `${t.word}${t.after}`)
    .join('')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/^[\s,.;:!?]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Make a token from a replacement word, keeping the separator of the original. */
export function tokenLike(word: string, after: string, origin?: TermOrigin): Token {
  return origin ? { word, fold: foldText(word), after, origin } : { word, fold: foldText(word), after };
}
