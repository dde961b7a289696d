import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { isAppError } from '../../src/errors.js';
import { findUnits, formatUnitDuties, loadResponsibilities } from '../../src/knowledge/responsibilities.js';

const SHIPPED = path.join(import.meta.dirname, '..', '..', 'knowledge', 'responsibilities.yaml');

/** Write a mutated copy of the shipped file to a temp dir and return its path. */
// biome-ignore lint/suspicious/noExplicitAny: the test edits arbitrary nested fields of the parsed YAML
function mutated(edit: (doc: Record<string, any>) => void): string {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const doc = parse(fs.readFileSync(SHIPPED, 'utf8')) as Record<string, any>;
  edit(doc);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resp-'));
  const file = path.join(dir, 'responsibilities.yaml');
  fs.writeFileSync(file, stringify(doc));
  return file;
}

function errorOf(file: string): { code: string; message: string } {
  try {
    loadResponsibilities(file);
  } catch (err) {
    if (isAppError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected loadResponsibilities to throw');
}

describe('shipped responsibilities.yaml', () => {
  const r = loadResponsibilities(SHIPPED);

  it('is about 1523/KH-SCT and covers IV.1 to IV.5, the closing paragraph and the recipients', () => {
    expect(r.document).toBe('1523/KH-SCT');
    const sections = new Set(r.units.flatMap((u) => u.duties.map((d) => d.section)));
    for (const s of ['IV.1', 'IV.2', 'IV.3', 'IV.4', 'IV.5', 'IV (đoạn cuối)', 'Nơi nhận']) {
      expect(sections.has(s), s).toBe(true);
    }
  });

  it('has unique ids and no empty duty list', () => {
    const ids = r.units.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const u of r.units) expect(u.duties.length).toBeGreaterThan(0);
  });

  it('gives the focal unit a yearly report with a deadline and a recipient', () => {
    const [vp] = findUnits('Văn phòng Sở phải làm gì trong kế hoạch?', r);
    expect(vp?.id).toBe('van-phong-so');
    const report = vp?.duties.find((d) => d.deadline !== null && d.to !== null && d.section === 'IV.2');
    expect(report).toBeDefined();
  });

  it('formats every duty of a unit with its section citation', () => {
    const unit = r.units.find((u) => u.id === 'van-phong-so');
    if (!unit) throw new Error('van-phong-so missing');
    const text = formatUnitDuties(unit, r.document);
    expect(text.startsWith(`Nhiệm vụ của ${unit.name} theo Kế hoạch ${r.document}:`)).toBe(true);
    for (const d of unit.duties) {
      expect(text).toContain(d.task);
      expect(text).toContain(`[${r.document}, ${d.section}]`);
      if (d.deadline) expect(text).toContain(`thời hạn: ${d.deadline}`);
      if (d.to) expect(text).toContain(`gửi/báo cáo: ${d.to}`);
    }
  });

  it('finds units by alias without diacritics, longest name first', () => {
    expect(findUnits('phong ke hoach tai chinh tong hop lam gi', r)[0]?.id).toBe('phong-ke-hoach-tai-chinh-tong-hop');
    expect(findUnits('chi doan thanh nien co nhiem vu gi', r)[0]?.id).toBe('chi-doan-thanh-nien');
    expect(findUnits('Lịch nghỉ Tết năm nay?', r)).toEqual([]);
  });
});

describe('loadResponsibilities rejects malformed edits', () => {
  it('names a missing field by its path', () => {
    const file = mutated((d) => {
      delete d.units[2].duties[0].section;
    });
    const e = errorOf(file);
    expect(e.code).toBe('KNOWLEDGE_INVALID');
    expect(e.message).toContain('responsibilities.yaml: units[2].duties[0].section: bắt buộc');
  });

  it('names a wrong type', () => {
    const e = errorOf(
      mutated((d) => {
        d.units[1].aliases = 'Văn phòng';
        d.units[0].duties[1].task = 42;
      }),
    );
    expect(e.message).toContain('units[1].aliases: phải là danh sách');
    expect(e.message).toContain('units[0].duties[1].task: phải là chuỗi văn bản');
  });

  it('rejects a misspelt key, a bad section and a duplicate id', () => {
    const e = errorOf(
      mutated((d) => {
        d.units[0].duties[0].dealine = 'x';
        d.units[1].duties[0].section = 'V.9';
        d.units[3].id = d.units[0].id;
      }),
    );
    expect(e.message).toContain('units[0].duties[0]: trường không được hỗ trợ: dealine');
    expect(e.message).toMatch(/units\[1\]\.duties\[0\]\.section: phải là mục của kế hoạch/);
    expect(e.message).toContain('units[3].id: mã đơn vị');
  });

  it('rejects broken YAML with a clear message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resp-'));
    const file = path.join(dir, 'responsibilities.yaml');
    fs.writeFileSync(file, 'document: "1523/KH-SCT\nunits:\n  - id: [oops\n');
    const e = errorOf(file);
    expect(e.code).toBe('KNOWLEDGE_INVALID');
    expect(e.message).toMatch(/^responsibilities\.yaml: lỗi cú pháp YAML: /);
  });

  it('reports an unreadable file with its own code', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resp-'));
    const e = errorOf(path.join(dir, 'missing.yaml'));
    expect(e.code).toBe('KNOWLEDGE_FILE_UNREADABLE');
    expect(e.message).toContain('missing.yaml');
  });
});
