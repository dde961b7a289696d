/**
 * Writing large index files without building them in memory first: typed
 * arrays written one after another, JSON arrays written a slice at a time.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** Write all of `bytes` at the file position of `fd` (`writeSync` may write less than asked). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Write `parts` back to back into `file` (no concatenated copy). */
export function writeParts(file: string, parts: readonly ArrayBufferView[]): void {
  const fd = openSync(file, 'w');
  try {
    for (const p of parts) writeAll(fd, new Uint8Array(p.buffer, p.byteOffset, p.byteLength));
  } finally {
    closeSync(fd);
  }
}

/** Write `items` as one JSON array into `file`, `slice` items at a time (the same text as `JSON.stringify(items)`). */
export function writeJsonArray(file: string, items: readonly unknown[], slice = 2000): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, '[');
    for (let i = 0; i < items.length; i += slice) {
      const part = items
        .slice(i, i + slice)
        .map((x) => JSON.stringify(x) ?? 'null')
        .join(',');
      writeSync(fd, i === 0 ? part : `,${part}`);
    }
    writeSync(fd, ']');
  } finally {
    closeSync(fd);
  }
}
