/**
 * OpenAI-compatible chat completions (OpenAI, Ollama, vLLM, llama.cpp server…)
 * through the official SDK. The only module that imports `openai`.
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

export class OpenAiGenerator implements Generator {
  private readonly client: OpenAI;
  readonly model: string;
  private readonly timeoutMs: number;

  constructor(opts: OpenAiGeneratorOptions) {
    this.client = new OpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL, maxRetries: 0, timeout: opts.timeoutMs });
    this.model = opts.model;
    this.timeoutMs = opts.timeoutMs;
  }

  async generate(messages: ChatMessage[], opts: { timeoutMs?: number } = {}): Promise<string> {
    try {
      const res = await this.client.chat.completions.create(
        { model: this.model, messages, temperature: 0 },
        { timeout: opts.timeoutMs ?? this.timeoutMs },
      );
      const content = res.choices[0]?.message?.content;
      if (typeof content !== 'string' || content.trim() === '') throw new AppError('LLM_BAD_OUTPUT', 'empty completion');
      return content;
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof OpenAI.APIConnectionTimeoutError) throw new AppError('LLM_TIMEOUT', 'LLM request timed out', { cause: err });
      throw new AppError('LLM_UNAVAILABLE', `LLM request failed: ${(err as Error).message}`, { cause: err });
    }
  }
}
