/**
 * PDF/DOCX/HTML/TXT ingestion and the legal-structure parser, plugged into
 * the knowledge scan.
 */

import { parseLegalStructure } from '../knowledge/ingest/legal-parser.js';
import { loadBinaryDocument } from '../knowledge/ingest/load-binary-document.js';
import type { BinaryLoader } from '../knowledge/load-knowledge.js';

export function createBinaryLoader(): BinaryLoader {
  return {
    load: (abs, rel) => loadBinaryDocument(abs, rel),
    legalSections: (body, title) => parseLegalStructure(body, title),
  };
}
