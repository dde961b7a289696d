/**
 * What the console routes share: the swappable knowledge base, the console
 * stores and the chat store's staff methods. Built once in `src/main.ts`
 * (see `createConsole`), handed to every route module.
 */
import type { ChatStore } from '../chat/chat-store.js';
import type { LiveKnowledge } from '../rag/live-knowledge.js';
import type { ConsoleAnswerStore } from './answer-store.js';
import type { AnswerTimings } from './answer-timer.js';
import type { DocumentLibrary } from './document-library.js';
import type { GapDecisions } from './gap-queue.js';
import type { UsageSource } from './usage-data.js';

/** Dependencies of the console routes. */
export interface ConsoleContext {
  live: LiveKnowledge;
  library: DocumentLibrary;
  answers: ConsoleAnswerStore;
  gaps: GapDecisions;
  chatStore: ChatStore;
  /** Unit names from `knowledge/units.yaml`, for invites. */
  units: ReadonlyArray<{ id: string; name: string }>;
  /** A unit on the list from its id, name, short name or an alias (diacritics optional); null when not listed. */
  resolveUnit: (mention: string) => { id: string; name: string } | null;
  usage: UsageSource;
  timings: AnswerTimings;
  departmentName?: string;
  now: () => Date;
  /** Called after the console's curated answers changed and were reloaded here; resolves once every other worker reloaded them too. */
  curatedChanged?: () => Promise<void>;
}
