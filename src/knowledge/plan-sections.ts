/**
 * Turn a parsed plan tree into citable sections: one passage per item or
 * leaf section, and an outline for every parent listing its children, so
 * "PAPI gồm những nội dung nào?" is answered by one passage.
 */
import type { DocSection } from './document.js';
import { flattenPlan, type PlanNode, parsePlan } from './plan-parser.js';

function trailOf(root: PlanNode, target: PlanNode): string[] {
  const path: string[] = [];
  const walk = (n: PlanNode, acc: string[]): boolean => {
    for (const c of n.children) {
      const next = c.kind === 'closing' ? acc : [...acc, c.heading];
      if (c === target) {
        path.push(...next);
        return true;
      }
      if (walk(c, next)) return true;
    }
    return false;
  };
  walk(root, []);
  return path;
}

function outlineText(n: PlanNode): string {
  const kids = n.children.filter((c) => c.kind !== 'closing');
  const lines = [`${n.heading} — gồm ${kids.length} nội dung:`];
  for (const c of kids) lines.push(c.heading.length > 140 ? `${c.heading.slice(0, c.heading.lastIndexOf(' ', 137))} …` : c.heading);
  return lines.join('\n');
}

/** Sections of a plan document, in reading order. */
export function planSections(body: string): DocSection[] {
  const root = parsePlan(body);
  const out: DocSection[] = [];
  // The plan's own outline: its Roman parts.
  const parts = root.children.filter((c) => c.kind === 'part');
  if (parts.length > 0) {
    out.push({
      path: 'Bố cục',
      trail: ['Bố cục'],
      text: [`Bố cục của Kế hoạch — gồm ${parts.length} phần:`, ...parts.map((p) => p.heading)].join('\n'),
      kind: 'outline',
    });
  }
  for (const n of flattenPlan(root)) {
    const trail = trailOf(root, n);
    const kids = n.children.filter((c) => c.kind !== 'closing');
    if (kids.length > 0) out.push({ path: n.path, trail, text: outlineText(n), kind: 'outline' });
    if (n.kind === 'closing') {
      out.push({ path: n.path, trail, text: n.body, kind: 'passage' });
      continue;
    }
    if (n.kind === 'recipients') {
      const { recipients, signature } = splitSignature(n.body);
      out.push({ path: n.path, trail, text: recipients, kind: 'passage' });
      if (signature) out.push({ path: 'Chữ ký', trail: ['Chữ ký'], text: `Chữ ký\nNgười ký: ${signature}`, kind: 'passage' });
      continue;
    }
    const own = n.kind === 'preamble' ? n.body : [n.heading, n.body].filter(Boolean).join('\n');
    if (n.body.trim() !== '' || (kids.length === 0 && own.trim() !== '')) out.push({ path: n.path, trail, text: own, kind: 'passage' });
  }
  return out;
}

const SIGNER_TITLE = /^(KT\.|TM\.|Q\.|TUQ\.)?\s*(PHÓ\s+)?(GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG PHÒNG|CHÁNH VĂN PHÒNG|BỘ TRƯỞNG|THỦ TRƯỞNG)\b/;

/**
 * Split the signature (title line(s) and the signer's name) off the end of
 * the recipients block: "… Lưu: VT. / GIÁM ĐỐC / Võ Văn Rân".
 */
export function splitSignature(body: string): { recipients: string; signature: string | null } {
  const lines = body.split('\n');
  const at = lines.findIndex((l) => SIGNER_TITLE.test(l.trim()));
  if (at < 0) return { recipients: body, signature: null };
  const signature = lines
    .slice(at)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
  return { recipients: lines.slice(0, at).join('\n'), signature: signature || null };
}
