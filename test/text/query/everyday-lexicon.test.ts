/**
 * Known-good everyday pairs (src/text/query/everyday-lexicon.ts,
 * knowledge/everyday-words.yaml): the file is validated; on the project
 * corpus, a pair typed as valid Vietnamese is not "repaired" into corpus
 * words, unaccented everyday words are restored as everyday Vietnamese
 * writes them, askers leave the evidence — and the repairs that fix real
 * typos still happen.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../../src/rag/knowledge-base.js';
import { normalizeText } from '../../../src/text/normalize.js';
import { createEverydayLexicon, loadEverydayLexicon } from '../../../src/text/query/everyday-lexicon.js';
import { openTestKnowledgeBase } from '../../helpers/knowledge-base.js';

const writeYaml = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'everyday-')), 'everyday-words.yaml');
  writeFileSync(file, text);
  return file;
};

describe('everyday lexicon', () => {
  it('knows the pairs of its phrases, accented and folded, and of the other phrases given', () => {
    const lex = createEverydayLexicon(['kết hôn', 'giấy phép lái xe'], ['thủ tục hành chính, hồ sơ'], 'test', ['bà con']);
    expect(lex.hasAccentedPair('kết', 'hôn')).toBe(true);
    expect(lex.hasAccentedPair('kết', 'hơn')).toBe(false);
    expect(lex.hasFoldedPair('ket', 'hon')).toBe(true);
    expect(lex.hasAccentedPair('lái', 'xe')).toBe(true);
    expect(lex.hasAccentedPair('hành', 'chính')).toBe(true);
    // Pairs do not cross punctuation.
    expect(lex.hasAccentedPair('chính', 'hồ')).toBe(false);
    expect(lex.isAskerPair('bà', 'con', false)).toBe(true);
    expect(lex.isAskerPair('ba', 'con', true)).toBe(true);
    expect(lex.isAskerPair('kết', 'hôn', false)).toBe(false);
    expect(lex.phrases).toEqual(['bà con', 'kết hôn', 'giấy phép lái xe']);
    // Spelt otherwise than the file's own phrases: "kết hơn" folds to "kết hôn"; a thesaurus phrase is no reason to ignore the everyday reading.
    expect(lex.spelledOtherwise('kết', 'hơn')).toBe(true);
    expect(lex.spelledOtherwise('kết', 'hôn')).toBe(false);
    expect(lex.spelledOtherwise('hành', 'chính')).toBe(false);
    // Pairs with a function word do not count: "tôi đã" is no reason to doubt "tối đa".
    expect(createEverydayLexicon(['tôi đã']).spelledOtherwise('tối', 'đa')).toBe(false);
  });

  it('rejects a repeated phrase, a phrase of one syllable, punctuation or capitals', () => {
    expect(() => createEverydayLexicon(['kết hôn', 'kết hôn'])).toThrow(/lặp lại/);
    expect(() => createEverydayLexicon(['kết hôn'], [], 'f', ['kết hôn'])).toThrow(/lặp lại/);
    expect(() => loadEverydayLexicon(writeYaml('phrases:\n  - kết\n'))).toThrow(/everyday-words\.yaml/);
    expect(() => loadEverydayLexicon(writeYaml('phrases:\n  - kết hôn, ly hôn\n'))).toThrow(/2–4 âm tiết/);
    expect(() => loadEverydayLexicon(writeYaml('phrases:\n  - Kết hôn\n'))).toThrow(/2–4 âm tiết/);
    expect(() => loadEverydayLexicon(writeYaml('phrases:\n  - kết hôn\nother: 1\n'))).toThrow(/everyday-words\.yaml/);
  });

  it('loads the shipped file', () => {
    const lex = loadEverydayLexicon('knowledge/everyday-words.yaml');
    expect(lex.phrases.length).toBeGreaterThan(50);
    expect(lex.isAskerPair('bà', 'con', false)).toBe(true);
    expect(lex.hasAccentedPair('kết', 'hôn')).toBe(true);
  });
});

describe('everyday words on the project corpus', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await openTestKnowledgeBase();
  });
  afterAll(async () => {
    await kb.close();
  });
  const retrieve = (q: string) => kb.retriever.retrieve(normalizeText(q));
  const analyse = async (q: string) => (await retrieve(q)).analysis;

  it.each([
    // Typed right, with marks: not turned into corpus words.
    ['bà con nộp hồ sơ trên mạng thì làm mấy bước', 'bà con'],
    ['tôi muốn canh chừng hồ sơ xử lý tới đâu', 'canh chừng'],
    ['con gái tôi hỏi Cổng Dịch vụ công quốc gia chạy từ hồi nào', 'con gái'],
    ['chủ tịch xã bao lâu tiếp bà con một lần', 'bà con'],
    // Typed without marks: restored as everyday Vietnamese writes them.
    ['ket hon voi nguoi nuoc ngoai thi nop ho so o dau', 'kết hôn'],
    ['con gai toi hoi cong dich vu cong quoc gia chay tu hoi nao', 'con gái tôi'],
    ['ong ba toi lon tuoi tai khoan cu noi voi vneid kieu gi', 'ông bà tôi'],
    ['ba me toi muon dang nhap dich vu cong bang vneid thi lam sao', 'ba mẹ tôi'],
    ['dang ky ket hon lai sau khi ly hon duoc khong', 'ly hôn'],
  ])('%s keeps "%s"', async (q, want) => {
    const a = await analyse(q);
    expect(a.cleaned.toLowerCase()).toContain(want);
    expect(a.rewrites.filter((r) => r.origin === 'typo-fix' && want.includes(r.from.toLowerCase()))).toEqual([]);
  });

  it.each([
    // Real typos are still repaired (tests of zalo-repairs.test.ts, beside everyday words).
    ['bà con hỏi thủ tuc nôp qua mạg', 'bà con hỏi thủ tục nộp qua mạng'],
    ['PCI gồm nhửng chỉ số thàh phần nào', 'PCI gồm những chỉ số thành phần nào'],
    ['ba con hoi nop ho so o dau', 'bà con hỏi nộp hồ sơ ở đâu'],
  ])('still repairs %s', async (q, want) => {
    expect((await analyse(q)).cleaned).toBe(want);
  });

  it.each([
    ['lam so do cho dat nha minh mat bao lau', 'so do'],
    ['lam ho chieu online mat bao nhieu tien', 'ho chieu'],
  ])('does not restore %s into a corpus word when everyday Vietnamese reads "%s" otherwise', async (q, pair) => {
    const a = await analyse(q);
    expect(a.restoredFrom).toBeUndefined();
    expect(a.cleaned).toContain(pair);
  });

  it('leaves askers out of the supported share, but not a person the matter is for', async () => {
    const withAsker = await retrieve('ở quê tôi hay hỏi PAPI là chỉ số gì');
    const plain = await retrieve('tôi hay hỏi PAPI là chỉ số gì');
    expect(withAsker.analysis.askers).toEqual(expect.arrayContaining(['quê', 'ở']));
    expect(withAsker.supportedSyllables).toBeCloseTo(plain.supportedSyllables, 5);
    expect((await analyse('Làm căn cước cho con nhỏ thì ra chỗ nào?')).askers).toBeUndefined();
    expect((await analyse('kết hôn thì nộp hồ sơ ở đâu')).askers).toBeUndefined();
  });
});
