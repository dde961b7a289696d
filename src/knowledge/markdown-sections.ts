/**
 * Markdown knowledge files: each `##` section is one citable passage whose
 * path is its heading; `###` subsections join the trail. Text before the
 * first heading becomes "Giới thiệu".
 */
import type { DocSection } from './document.js';

const HEADING = /^(#{1,3})\s+(.+?)\s*#*\s*$/;

/** Sections of a Markdown body. */
export function markdownSections(body: string, docTitle: string): DocSection[] {
  const out: DocSection[] = [];
  let h2: string | undefined;
  let h3: string | undefined;
  let buf: string[] = [];
  const flush = () => {
    const text = buf
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    buf = [];
    if (!text) return;
    const path = h3 && h2 ? `${h2} › ${h3}` : (h2 ?? 'Giới thiệu');
    const trail = [docTitle, ...(h2 ? [h2] : []), ...(h3 ? [h3] : [])];
    out.push({ path, trail, text: `${h3 ?? h2 ?? docTitle}\n${text}`, kind: 'passage' });
  };
  for (const line of body.split(/\r?\n/)) {
    const m = HEADING.exec(line);
    if (m) {
      const level = (m[1] as string).length;
      if (level === 1) continue; // the document title; metadata has it
      flush();
      if (level === 2) {
        h2 = m[2] as string;
        h3 = undefined;
      } else {
        h3 = m[2] as string;
      }
      continue;
    }
    buf.push(line);
  }
  flush();
  return out;
}
