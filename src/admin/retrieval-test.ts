/**
 * Retrieval test (as in RAGFlow / Dify): `POST /api/retrieval-test
 * {question}` → the ranked passages with their scores and evidence
 * features, the abstention features and decision, the curated answer that
 * would match, and the answer the bot would give. Nothing is recorded as
 * an exchange, so the usage figures do not move.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { abstentionFeatures, CALIBRATED_POLICY, decideAbstention } from '../rag/abstention.js';
import { citation } from '../rag/compose.js';
import type { ConsoleContext } from './console-context.js';
import { noKnowledge } from './console-errors.js';

const body = z
  .object({
    question: z.string().trim().min(2, 'câu hỏi cần ít nhất 2 ký tự').max(1000, 'câu hỏi quá dài (tối đa 1000 ký tự)'),
    limit: z.number().int().min(1).max(30).optional(),
  })
  .strict();

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/** The retrieval test route; register inside the authenticated admin scope. */
export const retrievalTestRoutes: FastifyPluginAsync<{ ctx: ConsoleContext }> = async (app, { ctx }) => {
  app.post('/api/retrieval-test', { schema: { body } }, async (request) => {
    const { question, limit } = request.body as z.infer<typeof body>;
    const kb = ctx.live.current();
    if (!kb) throw noKnowledge();
    const retrieval = await kb.retriever.retrieve(question, limit ?? 10);
    const features = abstentionFeatures(question, retrieval);
    const curated = kb.curated.match(question);
    const answer = await kb.answerer.ask(question);
    return {
      question,
      refused: answer.abstained,
      retrievalWouldRefuse: decideAbstention(features, CALIBRATED_POLICY),
      features: {
        vocabulary: round(features.vocabulary),
        evidence: round(features.evidence),
        margin: round(features.margin),
        typeSatisfied: features.typeSatisfied,
        vocabularyCoverage: round(retrieval.vocabularyCoverage),
        supportedSyllables: round(retrieval.supportedSyllables),
      },
      policy: CALIBRATED_POLICY,
      intent: retrieval.intent,
      terms: retrieval.terms,
      curated: curated ? { entryId: curated.entry.id, score: round(curated.score) } : null,
      hits: retrieval.hits.map((h, i) => ({
        rank: i + 1,
        id: h.chunk.id,
        citation: citation(h.chunk),
        docId: h.chunk.docId,
        section: h.chunk.section,
        title: h.chunk.trail.join(' › '),
        text: h.chunk.text.slice(0, 800),
        score: round(h.score),
        rrf: round(h.rrf),
        coverage: round(h.coverage),
        headingCoverage: round(h.headingCoverage),
        phraseCoverage: round(h.phraseCoverage),
        headingPhrase: round(h.headingPhrase),
      })),
      answer: {
        text: answer.answer,
        abstained: answer.abstained,
        ms: answer.ms,
        sources: answer.sources.map((s) => ({ doc: s.doc, section: s.section, title: s.title })),
      },
    };
  });
};
