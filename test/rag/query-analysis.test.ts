import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { analyzeQuery } from '../../src/rag/query/analyze.js';
import { termCoverage } from '../../src/rag/query/coverage.js';
import { resolvePartialDocNumbers } from '../../src/rag/query/doc-numbers.js';
import { createChatAbbreviations } from '../../src/text/query/abbreviations.js';
import { createThesaurus } from '../../src/text/query/thesaurus.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

describe('analyzeQuery (pure)', () => {
  const resources = {
    abbreviations: createChatAbbreviations([
      { abbr: 'hs', full: 'hồ sơ' },
      { abbr: 'ko', full: 'không' },
      { abbr: 'dc', full: 'được' },
    ]),
    thesaurus: createThesaurus([
      ['hồ sơ', 'giấy tờ'],
      ['nộp trực tuyến', 'nộp qua mạng'],
    ]),
  };

  it('runs the stages in order and types the result', () => {
    const a = analyzeQuery('Chào anh chị, cho em hỏi nộp giấy tờ qua mạng dc ko ạ?', resources);
    expect(a.cleaned).toBe('nộp giấy tờ qua mạng được không?');
    expect(a.intent.kind).toBe('yesno');
    expect(a.content).toBe('nộp giấy tờ qua mạng ?');
    expect(a.framing).toContain('ạ');
    expect(a.rewrites.map((r) => r.origin)).toEqual(['abbreviation', 'abbreviation']);
    expect(a.expansions.map((e) => e.source)).toEqual(['giấy tờ']);
    expect(a.terms.find((t) => t.text === 'hồ sơ')).toMatchObject({ origin: 'thesaurus', source: 'giấy tờ' });
    expect(a.terms.find((t) => t.text === 'nộp')).toMatchObject({ origin: 'user', weight: 1 });
  });

  it('marks words written by a stage with their origin and weight', () => {
    const a = analyzeQuery('hs nộp ở đâu', resources);
    expect(a.terms.filter((t) => t.origin === 'abbreviation').map((t) => t.text)).toEqual(['hồ', 'sơ']);
    const th = a.terms.filter((t) => t.origin === 'thesaurus');
    expect(th.every((t) => t.weight < 1)).toBe(true);
  });

  it('reads a mostly unaccented question as unaccented throughout', () => {
    const a = analyzeQuery('lam sao nop hs qua mạng', resources);
    expect(a.accented).toBe(false);
    expect(a.cleaned).toBe('lam sao nop ho so qua mang');
    expect(a.content).toBe('nop ho so qua mang');
  });

  it('keeps the question when nothing of substance would be left', () => {
    expect(analyzeQuery('chào ad', resources).cleaned).toBe('chào ad');
  });
});

describe('partial document numbers', () => {
  const index = new Map([
    ['1523', ['1523/kh/sct']],
    ['60', ['60/2021/nd/cp']],
    ['845', ['845/qd/ubnd']],
  ]);
  it.each([
    ['qd 845 nói gì', ['845/qd/ubnd']],
    ['ke hoach 1523', ['1523/kh/sct']],
    ['nd 60 ve tu chu', ['60/2021/nd/cp']],
    ['qd 60', []], // the type word disagrees
    ['năm 2022', []], // a year is not a document number
    ['nd 69', []], // not in the corpus
    ['kh1523', ['1523/kh/sct']], // type word and number typed together
    ['xem qd845 giúp em', ['845/qd/ubnd']],
    ['qd 1523', ['1523/kh/sct']], // the wrong type word, a long exact number: the one document it leads
    ['nd 1523', ['1523/kh/sct']],
    ['qd60', []], // a short number with the wrong type word may be a document the corpus lacks
    ['abc1523', []], // glued to a word that is no type word
  ])('%s → %j', (q, want) => expect(resolvePartialDocNumbers(q, [], index)).toEqual(want));

  it.each([
    ['kế hoạch 1532', ['1523/kh/sct']], // one digit typo of a document the corpus holds
    ['quyết định 846', ['845/qd/ubnd']],
    ['quyết định 847', []], // the corpus writes 847 (a document it cites): not a typo of 845
    ['qd 1523', ['1523/kh/sct']], // a written number with the wrong type word still names the one document it leads
  ])('%s → %j when the corpus writes 847 and 1523', (q, want) => {
    expect(resolvePartialDocNumbers(q, [], index, (n) => n === '847' || n === '1523')).toEqual(want);
  });
});

describe('coverage with alternatives', () => {
  const idf = () => 1;
  const ev = {
    terms: ['tien', 'ke', 'hoach'],
    pairs: [],
    termWeight: new Map([['hoach', 0.8]]),
    termAlternatives: new Map([['tien', [{ keys: ['kinh', 'phi'], pairs: ['kinh phi'], weight: 0.6 }]]]),
    pairAlternatives: new Map(),
  };
  it('credits a word found through an alternative at the alternative weight, never as extra words', () => {
    const chunk = new Set(['kinh', 'phi', 'ke', 'hoach']);
    expect(termCoverage(ev, (k) => chunk.has(k), idf)).toBeCloseTo((0.6 + 1 + 0.8) / 3);
    const own = new Set(['tien', 'ke', 'hoach']);
    expect(termCoverage(ev, (k) => own.has(k), idf)).toBeCloseTo((1 + 1 + 0.8) / 3);
    expect(termCoverage(ev, () => false, idf)).toBe(0);
  });
});

describe('retriever with the real knowledge', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await openTestKnowledgeBase();
  }, 120_000);
  afterAll(async () => {
    await kb?.close();
  });

  it('answers a chat-typed question like its plain form', async () => {
    const chat = await kb.retriever.retrieve('ad ơi cho mình hỏi nộp hs online dc ko ạ');
    const plain = await kb.retriever.retrieve('Nộp hồ sơ trực tuyến được không?');
    expect(chat.hits[0]?.chunk.id).toBe(plain.hits[0]?.chunk.id);
    expect(chat.analysis.framing.length).toBeGreaterThan(0);
    expect(chat.intent.kind).toBe('yesno');
  });

  it('repairs a typo with the corpus vocabulary', async () => {
    const r = await kb.retriever.retrieve('thủ tcụ hành chính');
    expect(r.analysis.rewrites).toContainEqual({ from: 'tcụ', to: 'tục', origin: 'typo-fix' });
  });

  it('ranks everyday words through the thesaurus below the official wording, but counts them as covered', async () => {
    const everyday = await kb.retriever.retrieve('tiền thực hiện kế hoạch lấy từ đâu');
    const official = await kb.retriever.retrieve('kinh phí thực hiện kế hoạch lấy từ đâu');
    expect(everyday.hits[0]?.chunk.section).toBe(official.hits[0]?.chunk.section);
    // Ranking: the translation scores below the user's own (official) words.
    expect(everyday.hits[0]?.score ?? 1).toBeLessThan(official.hits[0]?.score ?? 0);
    // Refusal: "tiền" is a word the corpus never writes; once translated it covers like "kinh phí".
    expect(everyday.hits[0]?.coverage ?? 0).toBeCloseTo(official.hits[0]?.coverage ?? 1, 5);
    expect(everyday.vocabularyCoverage).toBeGreaterThan(0.9);
  });

  it('names a document by its leading number', async () => {
    const r = await kb.retriever.retrieve('qd 845 la gi');
    expect(r.intent.docNumbers).toContain('845/qd/ubnd');
    expect(r.hits[0]?.chunk.docId).toBe('845/QĐ-UBND');
  });

  it('still finds nothing for an out-of-scope question', async () => {
    const a = await kb.answerer.ask('giá vàng hôm nay bao nhiêu vậy ad');
    expect(a.abstained).toBe(true);
  });
});

describe('glossary forms as alternatives', () => {
  it('lets the full form count for an everyday or short form and the reverse', async () => {
    const { glossaryAlternatives } = await import('../../src/rag/query/glossary-alternatives.js');
    const { createGlossary } = await import('../../src/text/glossary.js');
    const g = createGlossary([
      { abbr: 'website', full: 'trang thông tin điện tử', also: ['trang web'] },
      { abbr: 'TTHC', full: 'thủ tục hành chính' },
    ]);
    expect(glossaryAlternatives('ai cập nhật trang web', g)).toEqual([
      { source: 'trang web', alternatives: [{ text: 'trang thông tin điện tử', weight: 1, origin: 'abbreviation' }] },
    ]);
    expect(glossaryAlternatives('cải cách thủ tục hành chính', g)[0]?.alternatives[0]?.text).toBe('tthc');
    expect(glossaryAlternatives('lệ phí', g)).toEqual([]);
  });
});

describe('question words that are not topics', () => {
  it('drops a trailing "mấy" and a trailing "thì sao"', async () => {
    expect(analyzeQuery('quyết định số mấy?').content).toBe('quyết định số ?');
    expect(analyzeQuery('kỷ luật cán bộ thì sao').cleaned).toBe('kỷ luật cán bộ');
  });
});
