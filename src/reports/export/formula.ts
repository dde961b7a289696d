/**
 * Formula neutralisation for spreadsheet exports (CSV and XLSX), per OWASP
 * "CSV Injection": a text cell whose first character would make Excel,
 * LibreOffice or Numbers read it as a formula gets a leading apostrophe, so
 * it stays text. The character set is the one csv-stringify's
 * `escape_formulas` option uses (ASCII and full-width forms), so CSV and XLSX
 * agree. Numbers are never touched.
 */

/** First characters that start a formula (or a DDE payload) in a spreadsheet. */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

/**
 * The cell value a spreadsheet will show as text.
 * @example
 * neutralizeFormula('=HYPERLINK("http://x","y")') // → `'=HYPERLINK("http://x","y")`
 * neutralizeFormula(-1)                           // → -1 (numbers stay numbers)
 */
export function neutralizeFormula<T extends string | number>(value: T): T | string {
  if (typeof value !== 'string') return value;
  const first = value.charAt(0);
  return first !== '' && FORMULA_TRIGGERS.includes(first) ? `'${value}` : value;
}
