/**
 * The messages a cluster primary and its HTTP workers exchange over the
 * node:cluster IPC channel. One vocabulary for both sides
 * ({@link ./cluster.ts}, {@link ./knowledge-sync.ts}).
 */

/** Worker → primary: this worker listens (and serves `snapshot`, the name of its index snapshot, or null). */
export interface ReadyMessage {
  type: 'cchc-worker-ready';
  snapshot: string | null;
}

/** Worker → primary: ask for the cluster-wide index lock (one rebuild at a time across workers). */
export interface LockMessage {
  type: 'cchc-kb-lock';
  id: number;
}

/** Primary → worker: the lock asked for under `id` is now this worker's. */
export interface LockedMessage {
  type: 'cchc-kb-locked';
  id: number;
}

/** Worker → primary: give the lock taken under `id` back. */
export interface UnlockMessage {
  type: 'cchc-kb-unlock';
  id: number;
}

/** Worker → primary: every other worker must serve `snapshot` before this worker answers its HTTP request. */
export interface PublishMessage {
  type: 'cchc-kb-publish';
  id: number;
  snapshot: string;
}

/** Primary → worker: load `snapshot` and swap it in, then acknowledge with the same `id`. */
export interface LoadMessage {
  type: 'cchc-kb-load';
  id: number;
  snapshot: string;
}

/** Worker → primary: the outcome of a {@link LoadMessage}. */
export interface LoadedMessage {
  type: 'cchc-kb-loaded';
  id: number;
  ok: boolean;
  error?: string;
}

/** Primary → worker: the outcome of a {@link PublishMessage}; `lagging` lists the workers that did not confirm. */
export interface PublishedMessage {
  type: 'cchc-kb-published';
  id: number;
  ok: boolean;
  lagging: number[];
  errors: string[];
}

/**
 * Worker → primary, then primary → every other worker: the console's curated
 * answers changed (in SQLite); reload them. Acknowledged like a
 * {@link LoadMessage} (`cchc-kb-loaded`), answered like a publish
 * (`cchc-kb-published`).
 */
export interface CuratedReloadMessage {
  type: 'cchc-curated-reload';
  id: number;
}

/** Every message of the protocol. */
export type ClusterMessage =
  | ReadyMessage
  | LockMessage
  | LockedMessage
  | UnlockMessage
  | PublishMessage
  | LoadMessage
  | LoadedMessage
  | PublishedMessage
  | CuratedReloadMessage;

const TYPES = new Set<string>([
  'cchc-worker-ready',
  'cchc-kb-lock',
  'cchc-kb-locked',
  'cchc-kb-unlock',
  'cchc-kb-publish',
  'cchc-kb-load',
  'cchc-kb-loaded',
  'cchc-kb-published',
  'cchc-curated-reload',
]);

/** Narrow an IPC message to one of ours (other libraries may use the same channel). */
export function asClusterMessage(m: unknown): ClusterMessage | null {
  if (typeof m !== 'object' || m === null) return null;
  const type = (m as { type?: unknown }).type;
  return typeof type === 'string' && TYPES.has(type) ? (m as ClusterMessage) : null;
}
