/**
 * Text generation port. The OpenAI-compatible implementation lives at the
 * edge (`src/llm/`); tests use a loopback fake server or an in-memory fake.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface Generator {
  readonly model: string;
  /**
   * @throws AppError LLM_UNAVAILABLE or LLM_TIMEOUT
   */
  generate(messages: ChatMessage[], opts?: { timeoutMs?: number }): Promise<string>;
}
