/**
 * PDF/DOCX/HTML/TXT ingestion, plugged into the knowledge scan.
 */
import type { BinaryLoader } from '../knowledge/load-knowledge.js';

export function createBinaryLoader(): BinaryLoader | undefined {
  return undefined;
}
