/**
 * Format checks for the hand-written knowledge files (catalogue, indicators,
 * guides): front matter the loader relies on, self-contained sections of at
 * most 1200 characters, and a source line closing every section.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DOC_STATUSES } from '../../src/knowledge/validity.js';

const ROOT = path.join(import.meta.dirname, '..', '..', 'knowledge');
const DIRS = ['catalog', 'indicators', 'guides'];
const TYPES = ['kế hoạch', 'quyết định', 'nghị quyết', 'nghị định', 'luật', 'tiêu chuẩn', 'hướng dẫn', 'giới thiệu'];
const STATUSES: readonly string[] = DOC_STATUSES;

const files = DIRS.flatMap((d) => {
  const dir = path.join(ROOT, d);
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.join(d, f))
    : [];
});

function split(file: string): { meta: Record<string, unknown>; body: string } {
  const raw = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
  if (!m) throw new Error(`${file}: no front matter`);
  return { meta: parse(m[1] ?? '') as Record<string, unknown>, body: m[2] ?? '' };
}

describe('knowledge content files', () => {
  it('exist for the catalogue, the three indices and the online-service guide', () => {
    expect(files.filter((f) => f.startsWith('catalog')).length).toBeGreaterThanOrEqual(19);
    for (const f of ['indicators/par-index.md', 'indicators/papi.md', 'indicators/pci.md', 'guides/dich-vu-cong-truc-tuyen.md']) {
      expect(files).toContain(f);
    }
  });

  it.each(files)('%s has valid front matter', (file) => {
    const { meta } = split(file);
    expect(typeof meta.id).toBe('string');
    expect(typeof meta.title).toBe('string');
    expect(meta.number === null || typeof meta.number === 'string').toBe(true);
    expect(meta.issuer === null || typeof meta.issuer === 'string').toBe(true);
    expect(meta.date === null || (typeof meta.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(meta.date))).toBe(true);
    expect(TYPES).toContain(meta.type);
    expect(STATUSES).toContain(meta.status);
    expect(meta.source === null || (typeof meta.source === 'string' && /^https?:\/\//.test(meta.source))).toBe(true);
    expect(typeof meta.verified).toBe('boolean');
    expect(typeof meta.fulltext).toBe('boolean');
    expect(Array.isArray(meta.aliases)).toBe(true);
    if (file.startsWith('catalog')) expect(Array.isArray(meta.cited_in)).toBe(true);
  });

  it.each(files)('%s: every section is at most 1200 characters and ends with its source', (file) => {
    const { body } = split(file);
    const sections = body.split(/^(?=## )/m).filter((s) => s.trim() !== '');
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) {
      const heading = s.split('\n')[0] ?? '';
      expect(heading.startsWith('## '), `${file}: text before first heading`).toBe(true);
      expect(s.trim().length, `${file} ${heading}`).toBeLessThanOrEqual(1200);
      const last = s.trim().split('\n').at(-1) ?? '';
      expect(last, `${file} ${heading}`).toMatch(/^Nguồn: (https?:\/\/|Kế hoạch 1523\/KH-SCT)/);
    }
  });
});
