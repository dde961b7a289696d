import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerProcedureQuestion, detectProcedureAspect, loadProcedures, type Procedure } from '../../src/knowledge/procedures.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'procedures');

function loaded(): Procedure[] {
  return loadProcedures(FIXTURES).procedures;
}

function byCode(code: string): Procedure {
  const p = loaded().find((x) => x.code === code);
  if (!p) throw new Error(`fixture ${code} missing`);
  return p;
}

describe('loadProcedures', () => {
  it('loads the valid file, skips *.example.yaml and reports each bad file', () => {
    const { procedures, errors } = loadProcedures(FIXTURES);
    expect(procedures.map((p) => p.code).sort()).toEqual(['VD.0001', 'VD.0002', 'VD.0003']);
    expect(procedures.some((p) => p.code === 'VD.9999')).toBe(false);
    expect(errors).toHaveLength(2);

    const schemaErr = errors.find((e) => e.file.endsWith('missing-fee.yaml'));
    expect(schemaErr?.message).toContain('missing-fee.yaml: ');
    expect(schemaErr?.message).toContain('procedures[0].fee: bắt buộc');
    expect(schemaErr?.message).toContain('procedures[0].documents: phải là danh sách');
    expect(schemaErr?.message).toMatch(/procedures\[0\]\.online_level: phải là một trong: "toàn trình", "một phần", "không"/);

    const yamlErr = errors.find((e) => e.file.endsWith('broken-syntax.yml'));
    expect(yamlErr?.message).toContain('broken-syntax.yml: lỗi cú pháp YAML');
  });

  it('returns an empty result for a missing directory', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proc-')), 'nope');
    expect(loadProcedures(dir)).toEqual({ procedures: [], errors: [] });
  });

  it('defaults a missing source to null and accepts an unquoted date', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-'));
    const one = fs
      .readFileSync(path.join(FIXTURES, 'fictional.yaml'), 'utf8')
      .replace('updated: "2000-01-01"', 'updated: 2000-01-01')
      .replace('    source: "https://example.invalid/vd-0001"\n', '');
    fs.writeFileSync(path.join(dir, 'a.yaml'), one);
    const { procedures, errors } = loadProcedures(dir);
    expect(errors).toEqual([]);
    expect(procedures.find((p) => p.code === 'VD.0001')?.source).toBeNull();
  });
});

describe('shipped knowledge/procedures', () => {
  const dir = path.join(import.meta.dirname, '..', '..', 'knowledge', 'procedures');

  it('loads without errors and skips the example file', () => {
    const { procedures, errors } = loadProcedures(dir);
    expect(errors).toEqual([]);
    expect(procedures.some((p) => p.name.startsWith('[VÍ DỤ HƯ CẤU]'))).toBe(false);
  });

  it('ships an example that is valid once renamed, with only fictional records', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-'));
    fs.copyFileSync(path.join(dir, 'procedures.example.yaml'), path.join(tmp, 'copy.yaml'));
    const { procedures, errors } = loadProcedures(tmp);
    expect(errors).toEqual([]);
    expect(procedures).toHaveLength(1);
    for (const p of procedures) expect(p.name.startsWith('[VÍ DỤ HƯ CẤU]')).toBe(true);
  });
});

describe('detectProcedureAspect', () => {
  it.each([
    ['Hồ sơ gồm những giấy tờ gì?', 'documents'],
    ['can chuan bi giay to gi', 'documents'],
    ['Mất bao lâu thì có kết quả?', 'time'],
    ['thoi han giai quyet la bao nhieu ngay', 'time'],
    ['Lệ phí là bao nhiêu?', 'fee'],
    ['co mat phi khong', 'fee'],
    ['Có nộp qua mạng được không?', 'online'],
    ['lam online duoc khong', 'online'],
    ['Nộp hồ sơ ở đâu?', 'where'],
    ['Cho tôi biết về thủ tục này', 'overview'],
  ] as const)('%s → %s', (q, aspect) => {
    expect(detectProcedureAspect(q)).toBe(aspect);
  });
});

describe('answerProcedureQuestion', () => {
  it('answers the documents of the named procedure, citing code and first legal basis', () => {
    const p = byCode('VD.0001');
    const a = answerProcedureQuestion('Cấp giấy phép trồng hoa giấy trên mặt trăng cần hồ sơ gồm những gì?', loaded());
    expect(a?.procedure.code).toBe('VD.0001');
    expect(a?.aspect).toBe('documents');
    for (const d of p.documents) expect(a?.text).toContain(d);
    expect(a?.citation).toBe(`[TTHC ${p.code}; căn cứ: ${p.legal_basis[0]}]`);
    expect(a?.text).toContain(a?.citation ?? '<none>');
    expect(a?.text).toContain(p.source ?? '<none>');
    expect(a?.text).not.toContain(p.fee);
  });

  it('prefers the more specific name when the question says "cấp lại"', () => {
    const p = byCode('VD.0002');
    const a = answerProcedureQuestion('cap lai giay phep trong hoa giay tren mat trang mat bao lau', loaded());
    expect(a?.procedure.code).toBe('VD.0002');
    expect(a?.aspect).toBe('time');
    expect(a?.text).toContain(p.time_limit);
  });

  it('matches without diacritics and answers the fee', () => {
    const p = byCode('VD.0003');
    const a = answerProcedureQuestion('le phi dang ky nuoi ky lan canh la bao nhieu', loaded());
    expect(a?.procedure.code).toBe('VD.0003');
    expect(a?.aspect).toBe('fee');
    expect(a?.text).toContain(p.fee);
  });

  it('answers online level and where from the record', () => {
    const online = answerProcedureQuestion('Đăng ký nuôi kỳ lân cảnh có làm trực tuyến được không?', loaded());
    expect(online?.aspect).toBe('online');
    expect(online?.text).toContain('chưa cung cấp dịch vụ công trực tuyến');
    const where = answerProcedureQuestion('Cấp giấy phép trồng hoa giấy trên mặt trăng nộp ở đâu?', loaded());
    expect(where?.aspect).toBe('where');
    expect(where?.text).toContain(byCode('VD.0001').where);
  });

  it('gives an overview when no aspect is asked, and finds a procedure by its code', () => {
    const p = byCode('VD.0003');
    const a = answerProcedureQuestion('Thủ tục VD.0003 là gì?', loaded());
    expect(a?.procedure.code).toBe('VD.0003');
    expect(a?.aspect).toBe('overview');
    for (const v of [p.applicants, p.time_limit, p.fee, p.where, p.field]) expect(a?.text).toContain(v);
  });

  it('returns null unless one procedure is clearly named', () => {
    expect(answerProcedureQuestion('Chỉ số PAPI là gì?', loaded())).toBeNull();
    expect(answerProcedureQuestion('giấy phép cần gì', loaded())).toBeNull();
    expect(answerProcedureQuestion('Cấp giấy phép trồng hoa giấy trên mặt trăng', [])).toBeNull();
  });
});
