/**
 * OpenAI-compatible chat completions (OpenAI, Ollama, vLLM, llama.cpp server…)
 * through the official SDK. Lives at the edge: the core sees only the
 * {@link Generator} port.
 *
 * Failure handling, within one time budget (`timeoutMs`):
 * - a timeout is final (no retry: the user is waiting);
 * - a 429 (rate limited / server busy) is retried once, after the server's
 *   `retry-after` when it fits in what is left of the budget;
 * - any other error, an empty completion or a body that is not valid JSON
 *   is an error the caller falls back from.
 * Reasoning models served by Ollama or vLLM (Qwen3, DeepSeek-R1…) put their
 * reasoning in the content as `<think>…</think>`; it is removed.
 */
import OpenAI from 'openai';
import { AppError } from '../errors.js';
import type { ChatMessage, Generator } from '../rag/generator.js';

export interface OpenAiGeneratorOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
}

/** Longest wait honoured from a `retry-after` header. */
const MAX_RETRY_WAIT_MS = 2_000;

function retryAfterMs(err: InstanceType<typeof OpenAI.RateLimitError>): number {
  const h = err.headers;
  const ms = Number(h?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const s = Number(h?.get('retry-after'));
  return Number.isFinite(s) && s >= 0 ? s * 1000 : 500;
}

/** The content without a leading `<think>…</think>` reasoning block. */
export function stripReasoning(content: string): string {
  return content.replace(/^\s*<think>[\s\S]*?<\/think>/i, '').trim();
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class OpenAiGenerator implements Generator {
  private readonly client: OpenAI;
  readonly model: string;
  private readonly timeoutMs: number;

  constructor(opts: OpenAiGeneratorOptions) {
    // Retries are ours (see above), so the SDK never doubles the wait.
    this.client = new OpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL, maxRetries: 0, timeout: opts.timeoutMs });
    this.model = opts.model;
    this.timeoutMs = opts.timeoutMs;
  }

  async generate(messages: ChatMessage[], opts: { timeoutMs?: number } = {}): Promise<string> {
    const deadline = Date.now() + (opts.timeoutMs ?? this.timeoutMs);
    for (let attempt = 0; ; attempt++) {
      const left = deadline - Date.now();
      if (left <= 0) throw new AppError('LLM_TIMEOUT', 'LLM request timed out');
      try {
        const res = await this.client.chat.completions.create({ model: this.model, messages, temperature: 0 }, { timeout: left });
        const raw = res.choices?.[0]?.message?.content;
        const content = typeof raw === 'string' ? stripReasoning(raw) : '';
        if (content === '') throw new AppError('LLM_BAD_OUTPUT', 'empty completion');
        return content;
      } catch (err) {
        if (err instanceof AppError) throw err;
        if (err instanceof OpenAI.APIConnectionTimeoutError) throw new AppError('LLM_TIMEOUT', 'LLM request timed out', { cause: err });
        if (err instanceof OpenAI.RateLimitError && attempt === 0) {
          const wait = Math.min(retryAfterMs(err), MAX_RETRY_WAIT_MS);
          if (wait < deadline - Date.now() - 50) {
            await sleep(wait);
            continue;
          }
        }
        if (err instanceof SyntaxError) throw new AppError('LLM_BAD_OUTPUT', 'LLM response is not valid JSON', { cause: err });
        const status = err instanceof OpenAI.APIError ? ` (HTTP ${String(err.status)})` : '';
        throw new AppError('LLM_UNAVAILABLE', `LLM request failed${status}: ${(err as Error).message}`, { cause: err });
      }
    }
  }
}
