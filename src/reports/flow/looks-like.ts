/**
 * Fallback report detector, used only when the parser's `looksLikeReport`
 * is not injected: an activity verb plus a date, a number or a link.
 */
import { foldText } from '../../text/normalize.js';

const ACTIVITY =
  /\b(da dang|dang tai|dang tin|dang bai|dang \d|dang len|tuyen truyen|to chuc|hoi nghi|tap huan|doi thoai|phat hanh|phat to roi|treo|bao cao hoat dong)\b/;
const EVIDENCE = /\d|https?:\/\/|hom qua|hom nay/;

/** Keyword heuristic: does the text describe a communication activity? */
export function defaultLooksLikeReport(text: string): boolean {
  const f = foldText(text);
  return f.length >= 15 && ACTIVITY.test(f) && EVIDENCE.test(f);
}
