/**
 * The answering contract shared by the CLI, the conversation engine and every
 * channel. Channels never see retrieval internals, only this shape.
 */

/** One evidence passage shown under an answer. */
export interface SourceRef {
  /** Document id, e.g. `1523/KH-SCT`. */
  doc: string;
  /** Section path inside the document, e.g. `II.3.b` or `Điều 9`. */
  section: string;
  /** Human-readable heading trail, e.g. `II. NỘI DUNG › 3. PCI › b) Tính minh bạch`. */
  title: string;
  /** The passage itself (≤ 1500 characters). */
  text: string;
  /** Fused retrieval score, higher is better. */
  score: number;
}

export interface Answer {
  /** Vietnamese answer text with citations like `[1523/KH-SCT, IV.2]`. */
  answer: string;
  /** True when the sources do not cover the question. */
  abstained: boolean;
  /** Best first, at most 5. */
  sources: SourceRef[];
  /** In-process time to answer, milliseconds. */
  ms: number;
  /**
   * The question made standalone (a follow-up resolved against the previous
   * question; otherwise the question itself). A chat keeps it as the previous
   * question of the next turn, so a follow-up of a follow-up keeps the frame.
   * Absent: use the question as typed.
   */
  resolvedQuestion?: string;
}

export interface AskOptions {
  /**
   * The previous question in the same conversation, used to resolve
   * follow-ups such as "còn PCI thì sao?".
   */
  previousQuestion?: string;
}

/** Anything that answers a question from the knowledge base. */
export interface QuestionAnswerer {
  ask(question: string, options?: AskOptions): Promise<Answer>;
}
