import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { loadGlossary } from '../../../src/text/glossary.js';
import { foldText } from '../../../src/text/normalize.js';
import { loadChatAbbreviations } from '../../../src/text/query/abbreviations.js';
import { createThesaurus, loadThesaurus, matchThesaurus } from '../../../src/text/query/thesaurus.js';
import { toTokens } from '../../../src/text/query/tokens.js';

const th = createThesaurus([
  ['kinh phí', 'tiền', 'ngân sách'],
  { terms: ['cổng thông tin điện tử', 'trang web của sở'], weight: 0.6 },
  ['chất thải', 'rác'],
  ['theo dõi', 'làm'],
]);
const match = (s: string) => matchThesaurus(toTokens(s).tokens, th, (t) => t.fold === 'lam');

describe('thesaurus matching', () => {
  it('gives the other phrases of a set as alternatives', () => {
    const [m] = match('tiền làm kế hoạch lấy từ đâu');
    expect(m?.source).toBe('tiền');
    expect(m?.alternatives.map((a) => a.text)).toEqual(['kinh phí', 'ngân sách']);
  });

  it('weighs one-word clues below longer phrases and below the user', () => {
    const [one] = match('rác');
    const [long] = match('vào trang web của sở');
    expect(one?.alternatives[0]?.weight).toBeLessThan(0.7);
    expect(long?.alternatives[0]).toEqual({ text: 'cổng thông tin điện tử', weight: 0.6, cover: 0.6 / 0.7 });
    expect(long?.source).toBe('trang web của sở');
  });

  it('matches accents exactly when typed with accents, folded otherwise', () => {
    expect(match('tiến độ')).toEqual([]);
    expect(match('tien lam ke hoach')[0]?.source).toBe('tien');
  });

  it('ignores a match made only of function words', () => {
    expect(match('làm')).toEqual([]);
  });

  it('rejects a set that repeats a phrase, naming the set', () => {
    expect(() => createThesaurus([['rác', 'Rác']], 'x.yaml')).toThrow(/x.yaml: sets\[0\]/);
  });

  it('names the file and the entry of a malformed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thes-'));
    const file = join(dir, 'thesaurus.yaml');
    writeFileSync(file, 'sets:\n  - [kinh phí, tiền]\n  - [rác]\n');
    let err: unknown;
    try {
      loadThesaurus(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/thesaurus\.yaml: sets\[1\] \["rác"\]/);
  });
});

describe('knowledge/thesaurus.yaml', () => {
  const real = loadThesaurus('knowledge/thesaurus.yaml');
  it('has several hundred sets', () => {
    expect(real.sets.length).toBeGreaterThanOrEqual(300);
  });

  it('keeps abbreviations in their own files: no phrase is a glossary or chat short form', () => {
    const g = loadGlossary('knowledge/glossary.yaml');
    const chat = loadChatAbbreviations('knowledge/chat-abbreviations.yaml');
    const forms = new Set([...g.entries.flatMap((e) => e.foldedForms), ...[...chat.byForm.keys()].filter((k) => !k.startsWith('a:'))]);
    // A chat form written with marks ("gòi") matches only that spelling: it clashes with the same spelling only.
    const marked = new Set([...chat.byForm.keys()].filter((k) => k.startsWith('a:')).map((k) => k.slice(2)));
    const clashes = real.sets.flatMap((s) => s.terms.slice(1)).filter((t) => forms.has(foldText(t)) || marked.has(t.toLowerCase()));
    expect(clashes).toEqual([]);
  });
});
