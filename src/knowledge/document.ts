/**
 * The shape every knowledge source is loaded into, whatever its file format.
 * Loaders (plan text, Markdown, DOCX, PDF, HTML, TXT) produce a
 * {@link LoadedDocument}; the chunker turns its sections into index chunks.
 */

import type { DocStatus, Validity } from './validity.js';

export type { DocStatus } from './validity.js';

/** How the body is structured, which decides the section parser. */
export type DocStructure = 'plan' | 'markdown' | 'legal' | 'plain';

export interface DocMeta extends Omit<Validity, 'status'> {
  /** Citation id, e.g. `1523/KH-SCT`, `Luật Khiếu nại 2011`. */
  id: string;
  /** Số hiệu, e.g. `649/QĐ-UBND`, or null. */
  number: string | null;
  title: string;
  issuer: string | null;
  /** ISO date `YYYY-MM-DD`, or null when unknown. */
  date: string | null;
  /** kế hoạch, quyết định, nghị quyết, nghị định, luật, hướng dẫn, … */
  type: string;
  status: DocStatus;
  /** Source URL, or null. */
  source: string | null;
  /** True only when the facts have a source. */
  verified: boolean;
  /** Whether the document's full text is loaded (false for catalogue entries). */
  fulltext: boolean;
  /** Sections of the plan that cite this document (catalogue entries). */
  citedIn: string[];
  /** Other names people use for it. */
  aliases: string[];
  structure: DocStructure;
}

export interface DocSection {
  /**
   * Section path used in citations: `II.3.b` for the plan, `Điều 9`,
   * `Điều 9, Khoản 1` for legal documents, a heading for Markdown.
   */
  path: string;
  /** Headings from the top of the document down to this section. */
  trail: string[];
  /** The section's own text (≤ 1500 characters after chunking). */
  text: string;
  /** `outline` lists a parent's children; `passage` is content. */
  kind: 'passage' | 'outline';
}

export interface LoadedDocument {
  /** Path relative to the knowledge directory. */
  file: string;
  meta: DocMeta;
  sections: DocSection[];
}

/** Defaults for metadata fields a source does not provide. */
export function defaultMeta(partial: Partial<DocMeta> & Pick<DocMeta, 'id' | 'title'>): DocMeta {
  return {
    number: null,
    issuer: null,
    date: null,
    type: 'khác',
    status: 'unknown',
    amendedBy: [],
    replacedBy: null,
    effective: null,
    validUntil: null,
    period: null,
    asOf: null,
    awaitingConfirmation: null,
    source: null,
    verified: false,
    fulltext: true,
    citedIn: [],
    aliases: [],
    structure: 'plain',
    ...partial,
  };
}
