/**
 * `looksLikeReport`: does a chat message report a completed activity (as
 * opposed to asking a question)? It needs an activity verb and a cue: a
 * channel, a count or a date.
 */
import { detectChannel } from './channel.js';
import { extractCount } from './count.js';
import { findDates } from './date.js';
import { stripLinks } from './link-unit.js';
import { prepareText } from './prepare.js';

const ACTIVITY =
  /\b(?:da|vua|dang|dang\s+tai|chia\s+se|to\s+chuc|phat|in|treo|huong\s+dan|tap\s+huan|tuyen\s+truyen|pho\s+bien|dua\s+tin|viet|ho\s+tro|tu\s+van|phoi\s+hop|thuc\s+hien|niem\s+yet|gui|livestream|len\s+song|phat\s+song|doi\s+thoai|trien\s+khai|cap\s+nhat|giai\s+dap|tiep|tra\s+loi|phong\s+van|hoi\s+nghi|hoi\s+thao|toa\s+dam)\b/;
/** Requests to the bot ("viết giúp tôi…", "hãy…") are not reports. */
const REQUEST = /\b(?:giup\s+(?:toi|em|minh|anh|chi|to)|vui\s+long|lam\s+on)\b|^hay\b/;
const COMMAND = /^\s*\/(?:baocao|bao_cao|report)\b/i;
const QUESTION_START =
  /^(?:ai|gi|sao|lam\s+sao|the\s+nao|khi\s+nao|o\s+dau|bao\s+nhieu|co\s+phai|xin\s+hoi|cho\s+(?:em\s+|toi\s+|minh\s+)?hoi|hoi(?!\s+(?:thao|nghi|cho|dong|vien|thi|giao|luu|dap))|vi\s+sao|tai\s+sao|lieu)\b/;
/** A question's last word, chat forms of "vậy" included ("… 1 tuần zị"). */
const QUESTION_TAIL = /\b(?:ai|gi|j|nao|dau|bao\s+nhieu|bn|bao\s+gio|bh|bao\s+lau|sao|may|khong|ko|k|hk|hok|chua|nhi|ha|vay|z|zay|zi|dzay|dzi|ntn)\s*[.!]*$/;
/** Closing politeness that hides a question's tail ("… ngày nào. Cảm ơn.", "… không ạ", "… nhé ad"). */
const CLOSING = /(?:[\s.,!]+(?:(?:xin\s+)?cam\s+on(?:\s+(?:ad|anh|chi|em|ban|nhieu|a))*|a|nhe|nha|nhi|ak|ad|ạ))+\s*[.!]*$/;
/** Question phrases anywhere in the message ("… có nhiệm vụ gì", "gồm những nội dung nào"). */
const QUESTION_PHRASE =
  /\b(?:muon\s+(?:biet|hoi)|can\s+biet|xin\s+cho\s+biet|la\s+gi|nhu\s+the\s+nao|the\s+nao|lam\s+sao|tai\s+sao|vi\s+sao|khi\s+nao|co\s+phai|duoc\s+khong|(?:viec|nhiem\s+vu|trach\s+nhiem)\s+gi|(?:nhung|cac)\s+(?:\S+\s+){0,2}nao|(?:don\s+vi|phong|co\s+quan|bo\s+phan|ngay|thang|van\s+ban|muc)\s+nao|bao\s+nhieu)\b/;

/**
 * True when the message reads as a question to the bot: a question mark
 * outside any link, a question opening ("cho em hỏi", "ai", "làm sao"), a
 * question tail ("… không", "… gì") or a question phrase in the middle.
 * @example isQuestion('Văn phòng Sở có nhiệm vụ gì?') === true
 * @example isQuestion('Đã đăng bài https://facebook.com/permalink.php?story_fbid=1 ngày 3/11') === false
 */
export function isQuestion(text: string): boolean {
  const { clean, folded } = prepareText(stripLinks(text));
  if (clean.length === 0) return false;
  const body = folded.replace(CLOSING, '');
  return /\?/.test(clean) || QUESTION_START.test(folded) || QUESTION_TAIL.test(body) || QUESTION_PHRASE.test(folded);
}

/**
 * True when the message reads like an activity report.
 * @example looksLikeReport('Đã đăng 3 tin trên Cổng TTĐT ngày 20/11') === true
 * @example looksLikeReport('Ai phụ trách đăng tin?') === false
 */
export function looksLikeReport(text: string): boolean {
  if (COMMAND.test(text)) return true;
  const { clean, folded } = prepareText(text);
  if (clean.length === 0) return false;
  if (isQuestion(text)) return false;
  if (REQUEST.test(folded) || /(?:^|\s)hãy\s/i.test(clean)) return false;
  if (!ACTIVITY.test(folded)) return false;
  const now = new Date();
  return detectChannel(folded, clean) !== null || extractCount(folded, clean, null) !== null || findDates(folded, now).length > 0;
}
