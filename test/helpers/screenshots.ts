/**
 * Where browser and render tests write their screenshots. They always take
 * them (a page that cannot be drawn fails the test), but only
 * `UPDATE_SCREENSHOTS=1` writes into docs/screenshots/, so an ordinary test
 * run leaves the checkout clean.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DOCS = path.join(import.meta.dirname, '../../docs/screenshots');

let dir: string | undefined;

/** The folder for screenshots of this run (docs/screenshots/ when updating them). */
export function screenshotDir(): string {
  if (!dir) {
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(DOCS, { recursive: true });
      dir = DOCS;
    } else {
      dir = mkdtempSync(path.join(tmpdir(), 'cchc-shots-'));
    }
  }
  return dir;
}
