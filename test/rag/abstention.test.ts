import { beforeAll, describe, expect, it } from 'vitest';
import { answerType, CALIBRATED_POLICY, decideAbstention, satisfies } from '../../src/rag/abstention.js';
import { DEFAULT_ABSTAIN_POLICY } from '../../src/rag/answerer.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

describe('the abstention decision', () => {
  it('the answerer ships the policy stated in abstention.ts', () => {
    expect(DEFAULT_ABSTAIN_POLICY).toBe(CALIBRATED_POLICY);
  });

  it('refuses on low vocabulary, on low evidence, and on an unsatisfied answer type below its own floor', () => {
    const p = { minVocabulary: 0.6, minEvidence: 0.4, marginWeight: 0, minEvidenceUnsatisfied: 0.7 };
    expect(decideAbstention({ vocabulary: 0.5, evidence: 1, margin: 0, typeSatisfied: 1, gap: 0 }, p)).toBe(true);
    expect(decideAbstention({ vocabulary: 1, evidence: 0.3, margin: 0, typeSatisfied: 1, gap: 0 }, p)).toBe(true);
    expect(decideAbstention({ vocabulary: 1, evidence: 0.6, margin: 0, typeSatisfied: 0, gap: 0 }, p)).toBe(true);
    expect(decideAbstention({ vocabulary: 1, evidence: 0.6, margin: 0, typeSatisfied: 1, gap: 0 }, p)).toBe(false);
  });

  it('answer types and what satisfies them', () => {
    expect(answerType('Giám đốc Sở tên là gì?', 'what')).toBe('name');
    expect(answerType('Có bao nhiêu mục?', 'what')).toBe('number');
    expect(answerType('Ai làm việc này?', 'who')).toBe('unit');
    expect(satisfies('Văn phòng Sở làm đầu mối', 'unit')).toBe(true);
    expect(satisfies('truyền thông rộng rãi', 'date')).toBe(false);
    expect(satisfies('trước ngày 30/11 hằng năm', 'date')).toBe(true);
    expect(satisfies('Người ký: GIÁM ĐỐC Trần Văn Bình', 'name')).toBe(true);
  });
});

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});

describe('entity conflicts refuse by name', () => {
  it('another province', async () => {
    const a = await kb.answerer.ask('Sở Công Thương Đà Nẵng phân công ai làm đầu mối truyền thông?');
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('không có thông tin về Đà Nẵng');
  });

  it('Kon Tum is part of Quảng Ngãi, not another province', async () => {
    const a = await kb.answerer.ask('Ở Kon Tum nộp hồ sơ trực tuyến như thế nào?');
    expect(a.answer).not.toContain('không có thông tin về Kon Tum');
  });

  it('a document number the corpus lacks', async () => {
    const a = await kb.answerer.ask('Quyết định 9999/QĐ-UBND quy định những gì?');
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('không có văn bản số 9999/QĐ-UBND');
  });

  it('a year the sources never mention', async () => {
    const a = await kb.answerer.ask('Kế hoạch truyền thông năm 2031 của Sở gồm những gì?');
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('năm 2031');
  });
});
