/**
 * A temporary file that a full index build appends per-chunk lists to, in
 * chunk order, and reads back once at the end: the lists of every chunk are
 * not held in memory while the build runs, nor beside the final arrays
 * while those are laid out (at 60k chunks that was about 280 MB of the
 * build's peak).
 */
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { writeAll } from './stream-write.js';

const BUFFER_BYTES = 1 << 22;
/** One `readSync` reads at most this much (its length must stay below 2 GiB). */
const MAX_READ = 1 << 30;

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Appends typed arrays to a file, buffered; {@link finish} turns it into a {@link SpillReader}. */
export class SpillWriter {
  private readonly fd: number;
  private readonly buf = new Uint8Array(BUFFER_BYTES);
  private at = 0;
  /** Bytes appended so far. */
  bytes = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  append(a: ArrayBufferView): void {
    const b = bytesOf(a);
    if (this.at + b.length > this.buf.length) this.flush();
    if (b.length > this.buf.length) writeAll(this.fd, b);
    else {
      this.buf.set(b, this.at);
      this.at += b.length;
    }
    this.bytes += b.length;
  }

  private flush(): void {
    writeAll(this.fd, this.buf.subarray(0, this.at));
    this.at = 0;
  }

  /** Stop writing; the file is read back from its start. */
  finish(): SpillReader {
    this.flush();
    closeSync(this.fd);
    return new SpillReader(this.path, this.bytes);
  }
}

/**
 * Reads a spill file from its start, in the sizes it was written in. Every
 * read of a 4-byte type must be preceded only by reads of multiples of 4
 * bytes (so its view is aligned); the file is removed by {@link close}.
 */
export class SpillReader {
  private readonly fd: number;
  private buf = new ArrayBuffer(BUFFER_BYTES);
  /** Bytes of `buf` read from the file, and the next unread one. */
  private end = 0;
  private pos = 0;
  private left: number;

  constructor(
    readonly path: string,
    bytes: number,
  ) {
    this.fd = openSync(path, 'r');
    this.left = bytes;
  }

  /** Fill `target` entirely from the file. */
  readInto(target: ArrayBufferView): void {
    const out = bytesOf(target);
    let at = 0;
    const buffered = Math.min(this.end - this.pos, out.length);
    out.set(new Uint8Array(this.buf, this.pos, buffered));
    this.pos += buffered;
    at += buffered;
    while (at < out.length) {
      const n = readSync(this.fd, out, at, Math.min(out.length - at, MAX_READ), null);
      if (n <= 0) throw new Error(`spill file ${this.path} ended early`);
      at += n;
      this.left -= n;
    }
  }

  /** The next `n` bytes, as a view valid until the next read. */
  bytes(n: number): Uint8Array {
    this.ensure(n);
    const v = new Uint8Array(this.buf, this.pos, n);
    this.pos += n;
    return v;
  }

  /** The next `n` 32-bit words, as a view valid until the next read. */
  u32(n: number): Uint32Array {
    this.ensure(n * 4);
    const v = new Uint32Array(this.buf, this.pos, n);
    this.pos += n * 4;
    return v;
  }

  private ensure(n: number): void {
    if (this.end - this.pos >= n) return;
    const rest = new Uint8Array(this.buf, this.pos, this.end - this.pos);
    const next = n > this.buf.byteLength ? new ArrayBuffer(n) : this.buf;
    new Uint8Array(next).set(rest.slice());
    this.buf = next;
    this.end = rest.length;
    this.pos = 0;
    const view = new Uint8Array(this.buf);
    while (this.end < n) {
      const r = readSync(this.fd, view, this.end, Math.min(view.length - this.end, this.left), null);
      if (r <= 0) throw new Error(`spill file ${this.path} ended early`);
      this.end += r;
      this.left -= r;
    }
  }

  /** Close and remove the file. */
  close(): void {
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }
}
