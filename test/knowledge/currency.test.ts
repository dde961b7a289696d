/**
 * Validity as data, dated change records, the notes they add to answers, and
 * the knowledge review — on small in-memory inputs (fictional documents).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.js';
import { type ChangeRecord, parseChanges } from '../../src/knowledge/changes.js';
import { asksAboutPresent, CurrencyNotes } from '../../src/knowledge/currency-notes.js';
import { defaultMeta } from '../../src/knowledge/document.js';
import { metaFromFrontMatter } from '../../src/knowledge/front-matter.js';
import { readSidecar } from '../../src/knowledge/ingest/sidecar.js';
import { reviewKnowledge } from '../../src/knowledge/review.js';

const RECORD = {
  id: 'so-a-hop-nhat',
  date: '2025-03-01',
  kind: 'merged',
  affects: ['Sở Thử Nghiệm', 'Sở TN'],
  known_if: ['hợp nhất vào Sở Mới'],
  note: 'từ 01/3/2025 Sở Thử Nghiệm đã hợp nhất vào Sở Mới.',
  sources: ['https://example.test/hop-nhat'],
  confirmed: true,
};

function records(...overrides: Array<Record<string, unknown>>): ChangeRecord[] {
  return parseChanges({ changes: overrides.map((o) => ({ ...RECORD, ...o })) }, 'test.yaml');
}

describe('change records schema', () => {
  it('accepts a complete record', () => {
    expect(records({})[0]).toMatchObject({ id: 'so-a-hop-nhat', date: '2025-03-01', knownIf: ['hợp nhất vào Sở Mới'], confirmed: true });
  });

  it.each([
    ['no date', { date: undefined }, 'changes[0].date: bắt buộc'],
    ['no source', { sources: undefined }, 'changes[0].sources: bắt buộc'],
    ['an empty source list', { sources: [] }, 'changes[0].sources: cần ít nhất 1 phần tử'],
    ['a source that is not a URL', { sources: ['báo địa phương'] }, 'changes[0].sources[0]'],
    ['an invalid date', { date: '2025-02-30' }, 'changes[0].date: ngày không hợp lệ'],
    ['an unknown kind', { kind: 'moved' }, 'changes[0].kind'],
    ['no pattern', { affects: [] }, 'changes[0].affects'],
    ['a note on two lines', { note: 'dòng 1\ndòng 2' }, 'changes[0].note'],
    ['a misspelt field', { sourse: ['https://x.test'] }, 'sourse'],
  ])('rejects a record with %s', (_name, override, message) => {
    const rec: Record<string, unknown> = { ...RECORD, ...override };
    for (const k of Object.keys(rec)) if (rec[k] === undefined) delete rec[k];
    expect(() => parseChanges({ changes: [rec] }, 'test.yaml')).toThrow(message);
  });

  it('rejects duplicate ids', () => {
    expect(() => records({}, {})).toThrow(/trùng mã/);
  });
});

describe('validity in front matter and sidecars', () => {
  it('reads status, replaced_by, valid_until, period and as_of; in_force is read as in force', () => {
    const m = metaFromFrontMatter(
      'x.md',
      { id: 'A', title: 'T', status: 'replaced', replaced_by: 'Nghị định 2/2024', valid_until: '2024-06-30', period: '2022-2025', as_of: '2026-01-01' },
      'markdown',
    );
    expect(m).toMatchObject({
      status: 'replaced',
      replacedBy: 'Nghị định 2/2024',
      validUntil: '2024-06-30',
      period: { start: 2022, end: 2025 },
      asOf: '2026-01-01',
      amendedBy: [],
    });
    expect(metaFromFrontMatter('x.md', { id: 'A', title: 'T', status: 'in_force' }, 'markdown').status).toBe('in force');
  });

  it.each([
    [{ status: 'hết hiệu lực' }, 'status'],
    [{ period: '2025' }, 'period'],
    [{ period: '2025-2022' }, 'period'],
    [{ valid_until: '30/6/2024' }, 'valid_until'],
  ])('rejects front matter %j naming the field', (fields, field) => {
    expect(() => metaFromFrontMatter('catalog/x.md', { id: 'A', title: 'T', ...fields }, 'markdown')).toThrow(new RegExp(`catalog/x.md: ${field}`));
  });

  it('a sidecar takes the same fields and rejects an invalid status', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'validity-'));
    writeFileSync(join(dir, 'a.pdf.meta.yaml'), 'status: amended\namended_by: 9/2025/QĐ-THU\neffective: 2024-01-01\n');
    expect(await readSidecar(join(dir, 'a.pdf'), 'a.pdf')).toEqual({ status: 'amended', amendedBy: ['9/2025/QĐ-THU'], effective: '2024-01-01' });
    writeFileSync(join(dir, 'b.pdf.meta.yaml'), 'status: bãi bỏ\n');
    await expect(readSidecar(join(dir, 'b.pdf'), 'b.pdf')).rejects.toThrow(
      /b\.pdf\.meta\.yaml: status: phải là một trong: in force, amended, replaced, expired, historical, unknown/,
    );
  });
});

const PLAN = {
  ...defaultMeta({ id: '9/KH-THU', title: 'Kế hoạch thử nghiệm giai đoạn 2022 - 2025', number: '9/KH-THU', type: 'kế hoạch' }),
  status: 'expired' as const,
  period: { start: 2022, end: 2025 },
};
const OLD_DECREE = {
  ...defaultMeta({ id: '5/2022/NĐ-THU', title: 'Nghị định thử', number: '5/2022/NĐ-THU', type: 'nghị định' }),
  status: 'replaced' as const,
  replacedBy: 'Nghị định 7/2024/NĐ-THU',
  validUntil: '2024-06-30',
};
const notes = new CurrencyNotes([PLAN, OLD_DECREE], records({}), { today: () => '2026-12-01' });
const planChunk = { docId: PLAN.id, text: 'Văn phòng báo cáo qua Sở Thử Nghiệm.' };

describe('currency notes', () => {
  it('keeps the answer and adds the dated note once when the answer states what a record affects', () => {
    const answer = 'Theo Kế hoạch: gửi qua Sở TN. [9/KH-THU, IV.2]';
    const out = notes.annotate(answer, { question: 'Báo cáo gửi qua đâu?', used: [planChunk] });
    expect(out.startsWith(answer)).toBe(true);
    expect(out).toContain('Lưu ý: từ 01/3/2025 Sở Thử Nghiệm đã hợp nhất vào Sở Mới. Nguồn: https://example.test/hop-nhat');
    expect(out.split('Lưu ý:').length - 1).toBe(1);
    // Annotating again adds nothing: the note is already there.
    expect(notes.annotate(out, { question: 'Báo cáo gửi qua đâu?', used: [planChunk] })).toBe(out);
  });

  it('adds nothing to an answer the change does not affect', () => {
    const answer = 'Kinh phí lấy từ ngân sách nhà nước. [9/KH-THU, III]';
    expect(notes.annotate(answer, { question: 'Kinh phí lấy từ đâu?', used: [planChunk] })).toBe(answer);
    // A word that merely contains a pattern does not match ("Sở TNMT" is not "Sở TN").
    expect(notes.annotate('Sở TNMT phối hợp.', { question: 'x', used: [] })).toBe('Sở TNMT phối hợp.');
  });

  it('adds nothing when the answer already says what changed', () => {
    const answer = 'Sở Thử Nghiệm đã hợp nhất vào Sở Mới.';
    expect(notes.annotate(answer, { question: 'x', used: [] })).toBe(answer);
  });

  it('says a replaced document was replaced, by what and from when', () => {
    const out = notes.annotate('Nghị định thử quy định hai mức tài khoản.', { question: 'quy định gì?', used: [{ docId: OLD_DECREE.id, text: '' }] });
    expect(out).toContain('Lưu ý: Nghị định 5/2022/NĐ-THU đã được thay thế bởi Nghị định 7/2024/NĐ-THU từ 01/7/2024.');
  });

  it('says a plan period has ended only when asked about the present', () => {
    const present = notes.annotate('Văn phòng làm đầu mối.', { question: 'Bây giờ Văn phòng phải làm gì?', used: [planChunk] });
    expect(present).toContain(
      'giai đoạn 2022–2025; giai đoạn này đã kết thúc (hết 31/12/2025). Nguồn dữ liệu của trợ lý chưa có kế hoạch nào cho giai đoạn sau năm 2025.',
    );
    expect(notes.annotate('Văn phòng làm đầu mối.', { question: 'Năm 2026 Văn phòng làm gì?', used: [planChunk] })).toContain('đã kết thúc');
    expect(notes.annotate('Văn phòng làm đầu mối.', { question: 'Văn phòng phải làm gì?', used: [planChunk] })).toBe('Văn phòng làm đầu mối.');
    // Named in the answer without being quoted (a catalogue entry citing the plan).
    expect(notes.annotate('Mục II của Kế hoạch 9/KH-THU nêu văn bản này.', { question: 'hiện nay thế nào?', used: [] })).toContain('đã kết thúc');
  });

  it('marks a record awaiting confirmation as unconfirmed', () => {
    const n = new CurrencyNotes([], records({ confirmed: false, note: 'có thông tin Sở Thử Nghiệm được đổi tên.' }));
    expect(n.annotate('Gửi Sở TN.', { question: 'x', used: [] })).toContain('Lưu ý (thông tin chưa được xác nhận): có thông tin Sở Thử Nghiệm được đổi tên.');
  });

  it('recognises questions about the present', () => {
    expect(asksAboutPresent('hien nay phai lam gi')).toBe(true);
    expect(asksAboutPresent('Năm nay báo cáo thế nào?')).toBe(true);
    expect(asksAboutPresent('Kế hoạch năm 2024 làm gì?', 2025)).toBe(false);
    expect(asksAboutPresent('Ai làm đầu mối?')).toBe(false);
  });
});

describe('knowledge review', () => {
  const base = { chunks: [planChunk], changes: records({}), today: '2026-12-01', maxFactAgeDays: 365 };

  it('is clean when every document has a status, every record applies and no as-of is old', () => {
    const r = reviewKnowledge({ ...base, documents: [{ ...PLAN, file: 'plan.md', asOf: '2026-06-01' }] });
    expect(r).toEqual({ items: [], actionable: 0 });
  });

  it('lists unknown status, an ended period still marked in force, an old as-of and a record applied nowhere', () => {
    const r = reviewKnowledge({
      ...base,
      chunks: [{ docId: 'x', text: 'không nhắc đến đơn vị nào' }],
      documents: [
        { ...defaultMeta({ id: 'A', title: 'A' }), verified: true },
        { ...PLAN, id: 'B', status: 'in force' },
        { ...PLAN, id: 'C', asOf: '2024-01-01' },
        { ...defaultMeta({ id: 'D', title: 'D' }), awaitingConfirmation: 'chưa tìm thấy nguồn' },
      ],
    });
    expect(r.items.map((i) => [i.kind, i.target, i.awaitingConfirmation])).toEqual([
      ['unknown-status', 'A', false],
      ['unknown-status', 'D', true],
      ['period-ended', 'B', false],
      ['stale-as-of', 'C', false],
      ['unapplied-change', 'so-a-hop-nhat', false],
    ]);
    expect(r.actionable).toBe(4);
  });
});

describe('KNOWLEDGE_FACT_MAX_AGE_DAYS', () => {
  it('defaults to 365 days and rejects a value that is not a positive whole number, naming the variable', () => {
    expect(createConfig({}).knowledgeFactMaxAgeDays).toBe(365);
    expect(createConfig({ KNOWLEDGE_FACT_MAX_AGE_DAYS: '30' }).knowledgeFactMaxAgeDays).toBe(30);
    expect(() => createConfig({ KNOWLEDGE_FACT_MAX_AGE_DAYS: 'một năm' })).toThrow(/KNOWLEDGE_FACT_MAX_AGE_DAYS/);
  });
});
