/**
 * Channel lexicon and precedence. Cues are matched on folded text; each cue
 * has a weight, and a cue introduced by "trên / qua / lên / tại" (where the
 * item was published) weighs more. Topic phrases such as "dịch vụ công trực
 * tuyến" or "Cổng Dịch vụ công" are the subject of a message, never its
 * channel, so they are blanked before matching.
 */
import { blankSpans, matchSpans } from './prepare.js';
import type { Channel } from './types.js';

interface Cue {
  channel: Channel;
  re: RegExp;
  weight: number;
}

/** Subjects that look like channels ("Cổng dịch vụ công", "một cửa điện tử"). */
const TOPICS: RegExp[] = [
  /\bcong\s+(?:dich\s+vu\s+cong|dvc)(?:\s+(?:quoc\s+gia|tinh|truc\s+tuyen))?/g,
  /\b(?:dich\s+vu\s+cong|dvc)(?:\s+truc\s+tuyen)?/g,
  /\b(?:nop|tiep\s+nhan|giai\s+quyet)\s+ho\s+so\s+truc\s+tuyen/g,
  /\bthanh\s+toan\s+truc\s+tuyen/g,
  /\bmot\s+cua\s+dien\s+tu/g,
  /\bgiao\s+dien\s+(?:cong|trang)/g,
  /\bdang\s+ky\b/g,
  /\bbao\s+(?:cao|ve|dam|gom|hiem|tri|luu)\b/g,
  /\b(?:thong|canh|quang|du)\s+bao\b/g,
];

const c = (channel: Channel, weight: number, re: RegExp): Cue => ({ channel, weight, re });

const CUES: Cue[] = [
  // website: the department's portal or web pages
  c('website', 3, /\b(?:cong|trang)\s+(?:ttdt\w*|thong\s+tin(?:\s+dien\s+tu)?|tin(?:\s+tuc)?|web)\b/g),
  c('website', 3, /\b(?:website|web\s*site|trang\s+web|web|ttdt\w*|web\s+so|cong\s+thong\s+tin)\b/g),
  c('website', 2, /\b(?:san\s+(?:giao\s+dich\s+)?(?:tmdt|thuong\s+mai\s+dien\s+tu)|chuyen\s+muc)\b/g),
  c('website', 3, /\b(?:tren|len)\s+cong\s+(?:so|tinh|cua\s+so)\b/g),
  // social media
  c(
    'social',
    3,
    /\b(?:zalo(?:\s+oa)?|facebook|fb|fanpage|fan\s+page|mang\s+xa\s+hoi|mxh|tiktok|tik\s+tok|youtube|you\s+tube|livestream|live\s+stream|nhom\s+chat|trang\s+ca\s+nhan|telegram|messenger|instagram)\b/g,
  ),
  // press: newspapers, radio, television
  c(
    'press',
    3,
    /\b(?:bao\s+(?:chi|in|giay|dien\s+tu|quang\s+ngai|tuoi\s+tre|thanh\s+nien|nhan\s+dan|cong\s+thuong|dau\s+tu|lao\s+dong|phap\s+luat|tien\s+phong|vnexpress|dan\s+tri)|tap\s+chi|phong\s+vien|nha\s+bao)\b/g,
  ),
  c(
    'press',
    3,
    /\b(?:dai\s+(?:phat\s+thanh|truyen\s+hinh|truyen\s+thanh|pt\s*-?\s*th|ptth|tinh|trung\s+uong)|truyen\s+hinh|phat\s+thanh|truyen\s+thanh|ptth|pt-th|vtv\d?|vov|qtv|ptq|phong\s+su|ban\s+tin\s+thoi\s+su|loa\s+(?:phat\s+thanh|truyen\s+thanh))\b/g,
  ),
  c('press', 2, /\b(?:tren|len|dang)\s+bao\b/g),
  // meetings, training, dialogues
  c(
    'meeting',
    3,
    /\b(?:hoi\s+nghi|hoi\s+thao|tap\s+huan|doi\s+thoai|toa\s+dam|cuoc\s+hop|buoi\s+hop|hop\s+giao\s+ban|giao\s+ban|lop\s+(?:boi\s+duong|tap\s+huan|hoc)|boi\s+duong|dien\s+dan|sinh\s+hoat\s+(?:chuyen\s+de|chi\s+bo|chuyen\s+mon)|buoi\s+(?:tuyen\s+truyen|pho\s+bien|gap\s+mat|noi\s+chuyen)|gap\s+mat|gap\s+go|hoi\s+giao\s+luu|webinar|buoi\s+lam\s+viec|lam\s+viec\s+voi)\b/g,
  ),
  c('meeting', 2, /\b(?:to\s+chuc\s+hop|chu\s+tri\s+hop|du\s+hop|tham\s+du|nguoi\s+du|dai\s+bieu)\b/g),
  // printed material
  c(
    'print',
    4,
    /\b(?:to\s+(?:roi|gap|buom|tin)|bang\s+(?:ron|zon|gon)|pano|pa\s*-?\s*no|ap\s+phich|poster|standee|khau\s+hieu|so\s+tay|cam\s+nang|an\s+pham|brochure|tranh\s+co\s+dong|bang\s+dien\s+tu|tai\s+lieu\s+in|ban\s+in)\b/g,
  ),
  c('print', 2, /\b(?:niem\s+yet|in\s+an|phat\s+hanh\s+(?:tai\s+lieu|sach)|bang\s+tin)\b/g),
  c('print', 3, /\b(?:phat|in|cap\s+phat)\s+(?:\d+\s+)?(?:bo\s+)?tai\s+lieu\b/g),
  // one-to-one guidance at a desk or by phone
  c(
    'direct',
    5,
    /\b(?:huong\s+dan|ho\s+tro|tu\s+van|giai\s+dap|tiep|tra\s+loi|giai\s+thich)\s+(?:\S+\s+){0,6}?(?:truc\s+tiep|qua\s+dien\s+thoai|bang\s+dien\s+thoai)\b/g,
  ),
  c('direct', 5, /\btruc\s+tiep\s+(?:huong\s+dan|ho\s+tro|tu\s+van|giai\s+dap|tiep\s+(?:nhan|dan|cong\s+dan)|giai\s+thich)\b/g),
  c('direct', 4, /\b(?:qua\s+dien\s+thoai|goi\s+dien|hotline|duong\s+day\s+nong|tong\s+dai)\b/g),
  c(
    'direct',
    3,
    /\btai\s+(?:bo\s+phan\s+(?:mot\s+cua|tiep\s+nhan(?:\s+va\s+tra\s+ket\s+qua)?|tn\s*&?\s*tkq)|quay|trung\s+tam\s+(?:phuc\s+vu\s+)?hanh\s+chinh\s+cong|trung\s+tam\s+hcc)\b/g,
  ),
  c('direct', 2, /\btai\s+(?:tru\s+so|co\s+so|doanh\s+nghiep|nha)\b/g),
  c('direct', 3, /\btiep\s+(?:\d+\s+(?:luot\s+)?)?(?:cong\s+dan|nguoi\s+dan)\b/g),
  c(
    'direct',
    2,
    /\b(?:huong\s+dan|ho\s+tro|tu\s+van|giai\s+dap)\s+(?:cho\s+)?(?:khoang\s+|gan\s+|hon\s+|tren\s+)?\d+\s+(?:nguoi|luot|doanh\s+nghiep|dn|to\s+chuc|ca\s+nhan|truong\s+hop|ho|co\s+so|cong\s+dan)\b/g,
  ),
  // anything else that is clearly a channel
  c(
    'other',
    2,
    /\b(?:email|e-mail|thu\s+dien\s+tu|sms|tin\s+nhan\s+(?:sms|dien\s+thoai)|cuoc\s+thi|hoi\s+thi|trien\s+lam|hoi\s+cho|van\s+ban\s+(?:gui|den)|cong\s+van\s+gui)\b/g,
  ),
];

/** A "published where" marker right before a cue. */
const WHERE_BEFORE = /(?:\btren|\bqua|\blen|\btai|\bvao|\bthong\s+qua)\s+(?:(?:trang|nhom|kenh|tai\s+khoan|he\s+thong)\s+)?$/;

/** Score of each channel found, with the position of its first cue. */
export interface ChannelScore {
  channel: Channel;
  score: number;
  first: number;
}

/** Topic spans (subjects that must not count as a channel). */
export function topicSpans(folded: string): Array<[number, number]> {
  return TOPICS.flatMap((re) => matchSpans(folded, re));
}

/**
 * With diacritics, "báo" (newspaper) is told apart from "bảo", "bao": any
 * "báo <Name>" is press, except "báo cáo", "thông báo", "cảnh báo", "dự báo".
 */
const NEWSPAPER = /(?<![\p{L}])báo(?![\p{L}])(?!\s+cáo)/gu;
const NOT_NEWSPAPER_BEFORE = /(?:thông|cảnh|dự|tình|quảng|khai|tố|phản)\s+$/u;

/** Positions of accented "báo" meaning a newspaper. */
function newspaperHits(clean: string): number[] {
  const lower = clean.toLowerCase();
  const hits: number[] = [];
  for (const m of lower.matchAll(NEWSPAPER)) {
    if (!NOT_NEWSPAPER_BEFORE.test(lower.slice(Math.max(0, m.index - 8), m.index))) hits.push(m.index);
  }
  return hits;
}

/**
 * Score every channel cue in the folded text; highest first.
 * @param clean the accented text (same offsets), to read accent-only cues
 */
export function scoreChannels(folded: string, clean?: string): ChannelScore[] {
  const text = blankSpans(folded, topicSpans(folded));
  const best = new Map<Channel, ChannelScore>();
  const add = (channel: Channel, weight: number, index: number) => {
    const before = text.slice(Math.max(0, index - 30), index);
    const w = weight + (WHERE_BEFORE.test(before) ? 2 : 0);
    const prev = best.get(channel);
    if (!prev || w > prev.score) best.set(channel, { channel, score: w, first: prev ? Math.min(prev.first, index) : index });
  };
  for (const cue of CUES) for (const m of text.matchAll(cue.re)) add(cue.channel, cue.weight, m.index);
  if (clean !== undefined && clean.length === folded.length) for (const i of newspaperHits(clean)) add('press', 3, i);
  return [...best.values()].sort((a, b) => b.score - a.score || a.first - b.first);
}

/** Cue spans of one channel (used to keep channel words out of area scoring). */
export function channelSpans(folded: string): Array<[number, number]> {
  return CUES.filter((q) => q.channel !== 'direct').flatMap((q) => matchSpans(folded, q.re));
}

const LINK_HOSTS: Array<[RegExp, Channel]> = [
  [/(?:^|\.)(?:facebook|fb|zalo|tiktok|youtube|youtu|instagram|t)\.(?:com|me|be|watch)$/, 'social'],
  [/(?:^|\.)(?:bao\w*|\w*news|vnexpress|dantri|tuoitre|thanhnien|vtv|vov|qtv|\w*tv)\.(?:vn|com|net|com\.vn|org\.vn)$/, 'press'],
  [/\.gov\.vn$/, 'website'],
];

/** The channel a link points to ("facebook.com" → social, "*.gov.vn" → website), or null. */
export function channelFromLink(link: string): Channel | null {
  const host = /^(?:https?:\/\/)?(?:www\.)?([^/:?#]+)/i.exec(link)?.[1]?.toLowerCase() ?? '';
  return LINK_HOSTS.find(([re]) => re.test(host))?.[1] ?? null;
}

/**
 * The activity's channel, or null when the text names none.
 * @param folded diacritic-folded, lower-cased message
 * @param clean the same message with diacritics (optional, same offsets)
 */
export function detectChannel(folded: string, clean?: string): Channel | null {
  return scoreChannels(folded, clean)[0]?.channel ?? null;
}
