/**
 * Discourse framing: greetings, self-introductions, politeness particles and
 * "may I ask" phrases that surround the substance of a chat question
 * ("Dạ em chào anh chị, em ở xã …, cho em hỏi chút là … ạ?"). They carry no
 * topic and dilute coverage, so they are removed before retrieval; the
 * substance is kept. Patterns are written without diacritics and matched on
 * folded words, so they work for unaccented typing too.
 */
import type { Token } from './tokens.js';

/** Where a pattern may match inside a clause. */
type Place = 'start' | 'end' | 'any';

interface FramePattern {
  words: string[];
  place: Place;
}

const PRONOUN = ['em', 'minh', 'toi', 'tui', 'chau', 'anh', 'chi'];
const ADDRESSEE = ['anh chi', 'anh chi em', 'ad', 'admin', 'anh', 'chi', 'ban', 'bot', 'moi nguoi', 'ca nha', 'tong dai', 'tong dai vien'];

function p(text: string, place: Place): FramePattern {
  return { words: text.split(' '), place };
}

const ASK = ['hoi', 'hoi chut', 'hoi xiu', 'hoi ti', 'hoi nhe', 'hoi voi', 'hoi them', 'hoi thu', 'hoi la', 'hoi chut la', 'hoi xiu la', 'hoi ti la', 'hoi cai', 'hoi viec'];

/** Built once: every frame phrase with where it may occur. */
const PATTERNS: FramePattern[] = (() => {
  const out: FramePattern[] = [];
  for (const a of ASK) {
    out.push(p(`cho ${a}`, 'any'), p(`xin ${a}`, 'any'), p(`muon ${a}`, 'any'), p(`can ${a}`, 'any'), p(a, 'start'));
    for (const who of PRONOUN) {
      out.push(p(`cho ${who} ${a}`, 'any'), p(`${who} muon ${a}`, 'any'), p(`${who} xin ${a}`, 'any'), p(`${who} ${a}`, 'start'), p(`${who} can ${a}`, 'any'));
    }
  }
  for (const who of PRONOUN) {
    out.push(p(`${who} muon biet`, 'start'), p(`${who} can biet`, 'start'), p(`${who} muon tim hieu`, 'start'), p(`giup ${who}`, 'any'), p(`giup ${who} voi`, 'any'), p(`ho tro ${who}`, 'end'), p(`tu van cho ${who}`, 'end'), p(`cho ${who} biet`, 'any'), p(`${who} cam on`, 'any'));
  }
  for (const to of ADDRESSEE) {
    out.push(p(`${to} oi`, 'any'), p(`chao ${to}`, 'any'), p(`xin chao ${to}`, 'any'), p(`kinh chao ${to}`, 'any'), p(`cam on ${to}`, 'any'), p(`${to} cho hoi`, 'any'), p(`${to} giup`, 'start'), p(`${to} tu van`, 'start'), p(`${to} huong dan giup`, 'start'));
  }
  for (const w of ['da', 'vang', 'alo', 'a lo', 'hello', 'hi', 'helo', 'xin chao', 'chao', 'kinh gui', 'kinh chao', 'thua', 'oi', 'e hem', 'uhm', 'um', 'ok', 'vay thi', 'the thi', 'cho hoi']) out.push(p(w, 'start'));
  for (const w of ['a', 'ah', 'ak', 'nhe', 'nha', 'nhen', 'nhe a', 'nha a', 'hen', 'voi', 'voi a', 'giup voi', 'vay', 'vay a', 'the', 'the a', 'the nhi', 'nhi', 'day', 'z', 'oi', 'cam on', 'cam on nhieu', 'xin cam on', 'thank', 'thanks', 'gap', 'gap a', 'ngay nhe', 'nhe anh chi', 'nha anh chi', 'a anh chi', 'giup em', 'giup minh', 'giup toi', 'voi nhe', 'voi nha']) out.push(p(w, 'end'));
  for (const w of ['lam on', 'vui long', 'lam on cho', 'vui long cho', 'xin vui long', 'xin phep', 'cho em', 'cho minh', 'cho toi']) out.push(p(w, 'start'));
  out.sort((a, b) => b.words.length - a.words.length);
  return out;
})();

/** Every word of a frame phrase (folded): typo repair must leave them alone. */
export const FRAMING_WORDS: ReadonlySet<string> = new Set(PATTERNS.flatMap((pat) => pat.words));

/** Words that open a self-introduction clause ("em ở xã …", "tôi là …", "mình bên công ty …"). */
const INTRO = /^(em|minh|toi|tui|chau) (la|o|dang|lam|tu|thuoc|ben|hien|cong tac|song)( |$)/;
/** Clauses that are only a greeting ("em chào anh chị", "chào ad"). */
const GREETING = /^((da|vang|xin|kinh) )?((em|minh|toi|chau) )?(xin )?(chao|hello|hi|alo|kinh chao|kinh gui)( |$)/;

const CLAUSE_END = /[,.;:!?…\n]/;

function clauses(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (const t of tokens) {
    cur.push(t);
    if (CLAUSE_END.test(t.after)) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

const text = (ts: readonly Token[]) => ts.map((t) => t.fold).join(' ');

function matches(ts: readonly Token[], at: number, pat: FramePattern): boolean {
  if (at + pat.words.length > ts.length) return false;
  return pat.words.every((w, k) => ts[at + k]?.fold === w);
}

/** Remove frame phrases from one clause (start, end, anywhere). */
function stripClause(clause: Token[], framing: string[]): Token[] {
  let ts = clause;
  let changed = true;
  while (changed && ts.length > 0) {
    changed = false;
    for (const pat of PATTERNS) {
      const n = pat.words.length;
      if (pat.place === 'start' && matches(ts, 0, pat)) {
        framing.push(ts.slice(0, n).map((t) => t.word).join(' '));
        ts = ts.slice(n);
        changed = true;
        break;
      }
      if (pat.place === 'end' && ts.length > n && matches(ts, ts.length - n, pat)) {
        framing.push(ts.slice(-n).map((t) => t.word).join(' '));
        const last = ts[ts.length - 1] as Token;
        const kept = ts.slice(0, -n);
        const tail = kept[kept.length - 1] as Token;
        ts = [...kept.slice(0, -1), { ...tail, after: last.after }];
        changed = true;
        break;
      }
      if (pat.place === 'any') {
        for (let i = 0; i + n <= ts.length; i++) {
          if (!matches(ts, i, pat)) continue;
          framing.push(ts.slice(i, i + n).map((t) => t.word).join(' '));
          const removed = ts[i + n - 1] as Token;
          const before = ts.slice(0, i);
          const prev = before[before.length - 1];
          if (prev && CLAUSE_END.test(removed.after) && !CLAUSE_END.test(prev.after)) before[before.length - 1] = { ...prev, after: removed.after };
          ts = [...before, ...ts.slice(i + n)];
          changed = true;
          break;
        }
        if (changed) break;
      }
    }
  }
  return ts;
}

/**
 * Remove discourse framing. Greeting-only and self-introduction clauses go
 * when another clause remains; frame phrases go from every clause. Returns
 * the tokens unchanged when nothing of substance would be left.
 */
export function stripFraming(tokens: readonly Token[]): { tokens: Token[]; framing: string[] } {
  const framing: string[] = [];
  const all = clauses(tokens);
  let kept = all.filter((c, i) => {
    const f = text(c);
    const dropClause = (GREETING.test(f) && c.length <= 6) || INTRO.test(f);
    const othersLeft = all.some((o, j) => j !== i && !GREETING.test(text(o)) && !INTRO.test(text(o)));
    if (dropClause && othersLeft) {
      framing.push(c.map((t) => t.word).join(' '));
      return false;
    }
    return true;
  });
  kept = kept.map((c) => stripClause(c, framing)).filter((c) => c.length > 0);
  const out = kept.flat();
  if (out.length === 0) return { tokens: [...tokens], framing: [] };
  return { tokens: out, framing };
}
