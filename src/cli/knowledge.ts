/**
 * The CLI's composition of the knowledge base: the OpenAI-compatible ports
 * the configuration asks for (`src/llm/ports.ts`), passed into the core.
 */
import { readConsoleAnswerEntries } from '../admin/answer-store.js';
import { createLlmPorts } from '../llm/ports.js';
import { type KnowledgeBase, openKnowledgeBase } from '../rag/knowledge-base.js';
import { databasePath } from '../store/paths.js';
import type { CliContext } from './command.js';

/**
 * @param opts.chat false when the command needs no chat model (`index`)
 */
export async function openCliKnowledgeBase(ctx: CliContext, opts: { chat?: boolean; force?: boolean } = {}): Promise<KnowledgeBase> {
  const ports = await createLlmPorts(ctx.config, ctx.logger, { chat: opts.chat });
  // The curated answers written in the admin console, so the CLI answers as the server does.
  const consoleAnswers = readConsoleAnswerEntries(databasePath(ctx.config), ctx.config.department.name);
  return openKnowledgeBase({ config: ctx.config, logger: ctx.logger, force: opts.force, curatedExtra: () => consoleAnswers, ...ports });
}
