/** Query understanding building blocks (see src/rag/query/analyze.ts for the pipeline). */
export * from './abbreviations.js';
export * from './diacritics.js';
export * from './framing.js';
export * from './thesaurus.js';
export * from './tokens.js';
export * from './tones.js';
export * from './types.js';
export * from './typos.js';
export * from './vocabulary.js';
