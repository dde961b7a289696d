/**
 * Questions about a document itself — who signed it, when and by whom it was
 * issued, its number, the period it covers, to whom it was sent — are
 * answered from the document's facts (the document card: metadata plus its
 * own signature and recipients blocks), not from whichever passage mentions
 * a date or a signature. A fact the sources do not hold is said to be
 * missing, naming the document: "the catalogue names X but does not give its
 * signer".
 */
import { CARD_SECTION, type DocumentFacts, documentFacts, RECIPIENTS_SECTION, SIGNATURE_SECTION, vietnameseDate } from '../knowledge/document-card.js';
import { STATUS_WORDS } from '../knowledge/validity.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { foldText, normalizeText } from '../text/normalize.js';
import type { DirectAnswer, DirectAnswerer } from './answerer.js';
import { EXACT_SUPPORT } from './candidates.js';
import type { Chunk } from './chunk.js';
import type { DocumentInfo } from './index-store.js';
import { asksWholeDocument } from './intent.js';
import type { RetrievalResult } from './retriever.js';
import { sectionLookup } from './section-lookup.js';

/** A fact of a document that a question can ask for. */
export type DocField = 'signer' | 'date' | 'issuer' | 'number' | 'recipients' | 'period' | 'place' | 'status' | 'filing';

/** Cues, on folded text padded with spaces. Order matters only for display. */
const FIELD_CUES: Array<[DocField, RegExp]> = [
  [
    'signer',
    / (ai|nguoi nao|vi nao|lanh dao nao) (da |dung ra )?ky | nguoi ky | ky (ban hanh|ten|van ban|ke hoach|quyet dinh) | chu ky | do ai ky | ky boi | ai la nguoi ky | ai ky /,
  ],
  [
    'date',
    / (ban hanh|ky|ra doi|duoc ban hanh|duoc ky)( vao| tu)? (ngay nao|ngay may|ngay bao nhieu|khi nao|luc nao|bao gio|thoi gian nao|nam nao|thang nao|hom nao) | ngay (ban hanh|ky) | (ban hanh|ky) ngay (nao|may|bao nhieu)/,
  ],
  ['issuer', / (co quan|don vi|noi|cap) nao ban hanh | (do|ai) (ai )?ban hanh | co quan ban hanh | ban hanh boi /],
  ['number', / so hieu | ky hieu | (la|co) so (bao nhieu|may|gi) /],
  [
    'recipients',
    / noi nhan | (gui|phat hanh|chuyen|gui di) (cho|toi|den|ve) (ai|nhung ai|nhung noi nao|noi nao|dau|nhung dau|nhung don vi nao|don vi nao|co quan nao|nhung co quan nao|nhung noi) | gui nhung (noi|dau|ai|don vi) | gui (di )?(nhung )?dau /,
  ],
  ['place', / (ban hanh|ky|soan thao|lam) (tai|o) (dau|noi nao|tinh nao|thanh pho nao) | noi ban hanh | dia diem ban hanh /],
  ['filing', / (duoc |ban )?luu (o|tai) (dau|noi nao|bo phan nao|phong nao|don vi nao) | noi luu | ban luu | luu tru (o|tai) /],
  [
    'status',
    / (con )?(hieu luc|trang thai hieu luc|tinh trang hieu luc) (the nao|ra sao|khong|chua|nhu the nao|gi) | con hieu luc | het hieu luc | trang thai (cua )?(van ban|ke hoach) /,
  ],
  [
    'period',
    / giai doan nao | giai doan (bao nhieu|may) | (ap dung|thuc hien|keo dai|co hieu luc|trien khai)( cho| trong| den| tu)? (giai doan|thoi gian|thoi ky|nhung nam|nam) nao | tu nam nao den nam nao | den nam nao | thoi ky nao | trong bao nhieu nam | trong may nam /,
  ],
];

/** Words that make a recipients/date question about a duty, not the document ("báo cáo gửi cho ai"). */
const DUTY_CONTEXT = / (bao cao|ket qua|de xuat|du toan|vuong mac|kien nghi|phan anh|ho so|thu tuc|nhiem vu|dinh ky|hang nam) /;
/** A when-question word: with a signing named, the date is what is asked. */
const ASKS_WHEN = / (ngay nao|ngay may|khi nao|bao gio|luc nao|hom nao|thoi gian nao|nam nao|thang nao) /;
/** Generic words that point at the plan itself when no document is named. */
const PLAN_WORDS = / (ke hoach|van ban|kh|ban ke hoach|tai lieu) /;

function fold(text: string): string {
  return ` ${foldText(normalizeText(text))
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/** The fields a question asks for (empty: not a question about a document's own facts). */
export function askedFields(question: string): DocField[] {
  const f = fold(question);
  const fields = FIELD_CUES.filter(([, re]) => re.test(f)).map(([k]) => k);
  if (fields.length === 0) return [];
  if (DUTY_CONTEXT.test(f)) return fields.filter((k) => k === 'signer');
  // "ký ban hành vào ngày nào" asks the date; only a who-word asks the signer too.
  const asksWho = / (ai|nguoi nao|vi nao|lanh dao nao) /.test(f);
  // "Giám đốc ký kế hoạch vào ngày nào?": the signing is named, the date is asked.
  if (fields.includes('signer') && !fields.includes('date') && !asksWho && ASKS_WHEN.test(f)) return fields.map((k) => (k === 'signer' ? 'date' : k));
  if (fields.includes('date') && !asksWho) return fields.filter((k) => k !== 'signer' && k !== 'issuer');
  // "do ai ban hành": the issuer, and the signer who acted for it.
  if (fields.includes('issuer') && / ai /.test(f) && !fields.includes('signer')) fields.push('signer');
  return fields;
}

interface DocRef {
  info: DocumentInfo;
  keys: string[];
}

/** Status words of the validity vocabulary, with "unknown" said plainly for a user. */
const STATUS_TEXT: Record<DocumentFacts['status'], string> = {
  ...STATUS_WORDS,
  unknown: 'chưa xác định (nguồn dữ liệu không ghi văn bản còn hay hết hiệu lực)',
};

function docTypeLabel(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

function docName(d: DocumentFacts): string {
  return d.number ? `${docTypeLabel(d.type)} ${d.number}` : d.title;
}

/**
 * Answers from document facts.
 * @param documents the snapshot's documents
 * @param chunks the snapshot's chunks (the plan's card, signature and recipients blocks)
 * @param isCatalogue whether a document is a catalogue entry
 */
export function metadataAnswerer(documents: readonly DocumentInfo[], chunks: readonly Chunk[], isCatalogue: (d: DocumentInfo) => boolean): DirectAnswerer {
  const refs: DocRef[] = documents.map((info) => ({
    info,
    keys: [info.id, info.number ?? '', ...info.aliases].map((k) => fold(k).trim()).filter((k) => k.length >= 3),
  }));
  const plans = documents.filter((d) => d.fulltext && d.structure === 'plan');
  const lookup = sectionLookup(chunks);
  const chunkOf = (doc: string, section: string) => lookup(doc, section)[0];
  const factsOf = (d: DocumentInfo) => documentFacts(d, (path) => chunkOf(d.id, path)?.text);

  /**
   * The document a question is about: a number or alias it names, or the plan when it names none.
   * A topic reached by an alias only, with no number, issuer or date (a usage guide: "VNeID",
   * "dịch vụ công trực tuyến"), is not an issued document: "mã OTP gửi về đâu" asks the guide's
   * content, not its recipients.
   */
  function target(question: string, retrieval: RetrievalResult): DocumentInfo | null {
    const f = fold(question);
    const byNumber = retrieval.intent.docNumbers
      .map((n) => documents.find((d) => foldText(d.id).replace(/-/g, '/') === n || (d.number && foldText(d.number).replace(/-/g, '/') === n)))
      .find((d): d is DocumentInfo => !!d);
    if (byNumber) return byNumber;
    if (retrieval.intent.docNumbers.length > 0) return null; // a number the corpus lacks: not ours to answer
    let best: { info: DocumentInfo; len: number } | null = null;
    for (const r of refs) {
      for (const k of r.keys) {
        if (f.includes(` ${k} `) && (!best || k.length > best.len)) best = { info: r.info, len: k.length };
      }
    }
    if (best) return best.info.number || best.info.issuer || best.info.date ? best.info : null;
    return plans.length === 1 && (PLAN_WORDS.test(f) || f.trim().split(' ').length <= 6) ? (plans[0] as DocumentInfo) : null;
  }

  /** A date the sources give a document number with: "số 845/QĐ-UBND ngày 29/6/2022 của Chủ tịch UBND tỉnh". */
  function citedDate(number: string): { date: string; by: string | null; chunk: Chunk } | null {
    const esc = escapeRegExp(number);
    const re = new RegExp(
      `${esc}\\s+ngày\\s+(\\d{1,2}/\\d{1,2}/\\d{4})(?:\\s+của\\s+([^;,.]{3,60}?)(?=\\s+(?:về|Ban hành|Phê duyệt|phê duyệt|ban hành|quy định|Triển khai|triển khai)|[;,.]|$))?`,
    );
    // Full-text passages first: they are the primary source.
    const ordered = [...chunks].sort((a, b) => Number(isCatalogueChunk(a)) - Number(isCatalogueChunk(b)));
    for (const c of ordered) {
      const m = re.exec(c.text);
      if (m?.[1]) return { date: m[1], by: m[2]?.trim() ?? null, chunk: c };
    }
    return null;
  }
  /**
   * A signer the document's own passages name beside its number: "Nghị quyết số 76/NQ-CP ngày
   * 15/7/2021 của Chính phủ (do ông Trương Hòa Bình ký)". Only a sentence that writes the
   * document's number counts (a passage may name other documents' signers).
   */
  function citedSigner(doc: DocumentInfo): { name: string; chunk: Chunk } | null {
    // The name with its form of address ("ông Trương Hòa Bình").
    const number = doc.number ?? '';
    if (!number) return null;
    const signed = /(?:do\s+)?(ông|bà)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4})\s+ký(?![\p{L}])/u;
    for (const c of chunks) {
      if (c.docId !== doc.id) continue;
      for (const sentence of c.text.split(/(?<=[.;])\s+(?=\p{Lu})|\n/u)) {
        const m = signed.exec(sentence);
        if (m?.[1] && m[2] && sentence.slice(0, m.index).includes(number)) return { name: `${m[1]} ${m[2]}`, chunk: c };
      }
    }
    return null;
  }
  const catalogueFiles = new Set(documents.filter((d) => isCatalogue(d)).map((d) => d.id));
  const isCatalogueChunk = (c: Chunk) => catalogueFiles.has(c.docId);
  const sourceName = (c: Chunk) =>
    isCatalogueChunk(c) ? `danh mục văn bản (${c.docId})` : c.docType === 'kế hoạch' ? `Kế hoạch ${c.docId} (${c.section})` : `${c.docId} (${c.section})`;

  /**
   * A loaded document asked for by its number alone ("kế hoạch 1532", "kh1523 là gì"): its card, which
   * says what it is, who issued and signed it, when and for which period. Catalogue entries are
   * answered by their own passages (compose.ts), so only a document with a card is answered here.
   */
  function wholeDocument(question: string, retrieval: RetrievalResult): DirectAnswer | null {
    const content = retrieval.analysis?.content ?? question;
    if (!asksWholeDocument(content, retrieval.intent.docNumbers)) return null;
    const doc = target(question, retrieval);
    const card = doc ? chunkOf(doc.id, CARD_SECTION) : undefined;
    if (!doc || !card) return null;
    const body = card.text.replace(new RegExp(`^${escapeRegExp(CARD_SECTION)}\\s*`), '');
    return { text: `${body} [${doc.id}, ${CARD_SECTION}]`, chunks: [card], support: EXACT_SUPPORT };
  }

  return {
    name: 'metadata',
    answer(question: string, retrieval: RetrievalResult): DirectAnswer | null {
      const fields = askedFields(question);
      if (fields.length === 0) return wholeDocument(question, retrieval);
      const doc = target(question, retrieval);
      if (!doc) return null;
      const facts = factsOf(doc);
      const name = docName(facts);
      const cite = (section: string) => `[${doc.id}, ${section}]`;
      // Catalogue entries have no card: their facts are in "Thông tin chung".
      const card = chunkOf(doc.id, CARD_SECTION) ? CARD_SECTION : 'Thông tin chung';
      const lines: string[] = [];
      const used = new Set<string>();
      const extra: Chunk[] = [];
      const missing: string[] = [];
      for (const field of fields) {
        switch (field) {
          case 'signer':
            if (facts.signer) {
              lines.push(
                `${name} do ${facts.signer.title.toLocaleLowerCase('vi')} ${facts.signer.name} ký${facts.issuer ? ` (${facts.issuer})` : ''}. ${cite(SIGNATURE_SECTION)}`,
              );
              used.add(SIGNATURE_SECTION);
              break;
            }
            {
              // Not in its card: the signer its own passage names beside its number.
              const cited = citedSigner(doc);
              if (cited) {
                lines.push(`Theo ${sourceName(cited.chunk)}, ${name} do ${cited.name} ký. [${cited.chunk.docId}, ${cited.chunk.section}]`);
                extra.push(cited.chunk);
              } else missing.push('người ký');
            }
            break;
          case 'date': {
            if (facts.date) {
              lines.push(`${name} được ban hành ${vietnameseDate(facts.date)}. ${cite(card)}`);
              used.add(card);
              break;
            }
            // Not in its metadata: the date the sources cite it with ("845/QĐ-UBND ngày 29/6/2022").
            const cited = facts.number ? citedDate(facts.number) : null;
            if (cited) {
              lines.push(
                `Theo ${sourceName(cited.chunk)}, ${name} ban hành ngày ${cited.date}${cited.by ? ` (của ${cited.by})` : ''}. [${cited.chunk.docId}, ${cited.chunk.section}]`,
              );
              extra.push(cited.chunk);
            } else missing.push('ngày ban hành');
            break;
          }
          case 'issuer':
            if (facts.issuer) {
              lines.push(`${name} do ${facts.issuer} ban hành. ${cite(card)}`);
              used.add(card);
            } else missing.push('cơ quan ban hành');
            break;
          case 'number':
            if (facts.number) {
              lines.push(`Số hiệu của văn bản «${facts.title}» là ${facts.number}. ${cite(card)}`);
              used.add(card);
            } else missing.push('số hiệu');
            break;
          case 'recipients':
            if (facts.recipients) {
              lines.push(
                `${name} được gửi tới ${facts.recipients.length} nơi nhận:\n${facts.recipients.map((r) => `• ${r}`).join('\n')}\n${cite(RECIPIENTS_SECTION)}`,
              );
              used.add(RECIPIENTS_SECTION);
            } else missing.push('nơi nhận');
            break;
          case 'place':
            if (facts.place) {
              // Cite the line of the document itself that says it ("Quảng Ngãi, ngày 22 tháng 7 năm 2022") when there is one.
              const own = chunks.find((c) => c.docId === doc.id && c.section !== card && c.text.includes(`${facts.place}, ngày`));
              lines.push(
                `${name} được ban hành tại ${facts.place}${facts.date ? `, ${vietnameseDate(facts.date)}` : ''}. ${own ? `[${doc.id}, ${own.section}]` : cite(card)}`,
              );
              if (own) extra.push(own);
              else used.add(card);
            } else missing.push('nơi ban hành');
            break;
          case 'filing': {
            // The filing line of the recipients block ("Lưu: VP, VP."): where the issuing body keeps its copy.
            const block = chunkOf(doc.id, RECIPIENTS_SECTION);
            const filed = block ? /(?:^|\n)\s*-?\s*Lưu\s*:\s*([^\n]+)/u.exec(block.text)?.[1]?.replace(/[.;\s]+$/, '') : undefined;
            if (block && filed) {
              lines.push(`${name} được lưu tại: ${filed} (dòng «Lưu» của phần Nơi nhận; VP là Văn phòng). ${cite(RECIPIENTS_SECTION)}`);
              used.add(RECIPIENTS_SECTION);
            } else missing.push('nơi lưu văn bản');
            break;
          }
          case 'status':
            lines.push(`Tình trạng hiệu lực của ${name} theo nguồn dữ liệu: ${STATUS_TEXT[facts.status]}. ${cite(card)}`);
            used.add(card);
            break;
          case 'period':
            if (facts.period) {
              lines.push(`${name} áp dụng cho giai đoạn ${facts.period} («${facts.title}»). ${cite(card)}`);
              used.add(card);
            } else missing.push('giai đoạn áp dụng');
            break;
        }
      }
      if (lines.length === 0) {
        const where = isCatalogue(doc) ? `Danh mục văn bản của trợ lý có ${name} («${facts.title}»)` : `Nguồn dữ liệu có ${name}`;
        const issuer = facts.issuer && missing.includes('người ký') ? ` Nguồn chỉ ghi văn bản do ${facts.issuer} ban hành.` : '';
        return { text: `${where} nhưng không ghi ${missing.join(', ')} của văn bản này.${issuer}`, chunks: [], abstained: true, support: EXACT_SUPPORT };
      }
      if (missing.length > 0) lines.push(`Nguồn dữ liệu không ghi ${missing.join(', ')} của ${name}.`);
      const cited = [...extra, ...[...used].map((s) => chunkOf(doc.id, s)).filter((c): c is Chunk => !!c)];
      return { text: lines.join('\n'), chunks: cited, support: EXACT_SUPPORT };
    },
  };
}
