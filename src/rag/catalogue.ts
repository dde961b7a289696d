/**
 * Which documents are catalogue entries: the files under `knowledge/catalog/`,
 * known by their metadata and a few facts, whose full text is not loaded.
 * Explainers and guides without a full text are not catalogue entries.
 */

/** Whether a knowledge file (path relative to the knowledge directory) is a catalogue entry. */
export function isCatalogueEntry(file: string): boolean {
  return /^catalog[\\/]/.test(file);
}
