import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { isSidecarFile, readSidecar, SIDECAR_SUFFIX, validateSidecar } from '../../../src/knowledge/ingest/sidecar.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'x-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Write `<name>.meta.yaml` and return the path of the (absent) knowledge file. */
const withSidecar = (name: string, yaml: string): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file + SIDECAR_SUFFIX, yaml);
  return file;
};

async function invalid(file: string, rel: string): Promise<string> {
  const err = await readSidecar(file, rel).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('KNOWLEDGE_INVALID');
  return (err as AppError).message;
}

describe('readSidecar', () => {
  it('returns null when there is no sidecar', async () => {
    expect(await readSidecar(path.join(dir, 'khong-co.pdf'), 'khong-co.pdf')).toBeNull();
  });

  it('reads and validates all fields; an unquoted date and a single alias are accepted', async () => {
    const file = withSidecar(
      'luat.pdf',
      [
        'id: Luật Khiếu nại 2011',
        'number: 02/2011/QH13',
        'title: Luật Khiếu nại',
        'issuer: Quốc hội',
        'date: 2011-11-11',
        'type: Luật',
        'status: in force',
        'source: https://example.test/luat-khieu-nai',
        'verified: true',
        'aliases: Luật KN',
      ].join('\n'),
    );
    expect(await readSidecar(file, 'luat.pdf')).toEqual({
      id: 'Luật Khiếu nại 2011',
      number: '02/2011/QH13',
      title: 'Luật Khiếu nại',
      issuer: 'Quốc hội',
      date: '2011-11-11',
      type: 'luật',
      status: 'in force',
      source: 'https://example.test/luat-khieu-nai',
      verified: true,
      aliases: ['Luật KN'],
    });
  });

  it('treats an empty sidecar as no overrides', async () => {
    expect(await readSidecar(withSidecar('rong.pdf', '# chỉ có chú thích\n'), 'rong.pdf')).toEqual({});
  });

  it.each([
    ['status: hết hiệu lực', 'status'],
    ['date: 05/03/2024', 'date'],
    ['date: 2024-02-30', 'date'],
    ['verified: "có"', 'verified'],
    ['source: không phải url', 'source'],
    ['aliases: [ok, ""]', 'aliases.1'],
    ['tilte: Sai chính tả', 'tilte'],
  ])('rejects %s naming the file and the field %s', async (yaml, field) => {
    const msg = await invalid(withSidecar('bad.pdf', yaml), 'qd/bad.pdf');
    expect(msg.startsWith(`qd/bad.pdf${SIDECAR_SUFFIX}: ${field}: `)).toBe(true);
  });

  it('rejects broken YAML and a non-mapping document', async () => {
    expect(await invalid(withSidecar('yaml.pdf', 'title: [không đóng'), 'yaml.pdf')).toContain(`yaml.pdf${SIDECAR_SUFFIX}: YAML: `);
    expect(await invalid(withSidecar('list.pdf', '- a\n- b'), 'list.pdf')).toContain('(gốc)');
  });
});

describe('isSidecarFile', () => {
  it('recognises sidecars and nothing else', () => {
    expect(isSidecarFile('qd/quyet-dinh-123.pdf.meta.yaml')).toBe(true);
    expect(isSidecarFile('responsibilities.yaml')).toBe(false);
  });
});

describe('validateSidecar', () => {
  it('accepts null fields where DocMeta allows null', () => {
    expect(validateSidecar({ number: null, date: null, issuer: null, source: null }, 'x')).toEqual({ number: null, date: null, issuer: null, source: null });
  });
});
