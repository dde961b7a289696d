/** RegExp escaping for patterns built from data (glossary terms, names, document numbers): one definition. */

/** Escape every character that has a meaning in a RegExp source (the slash too, harmless elsewhere). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
