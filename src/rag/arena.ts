/**
 * Typed-array arenas: many small arrays carved out of a few large blocks,
 * so a build holding hundreds of thousands of per-chunk lists pays for a
 * handful of buffers instead of one (with its bookkeeping) per list.
 * Returned arrays are views and stay valid (blocks never move).
 */
type Typed = Uint8Array | Uint16Array | Uint32Array;

const BLOCK = 1 << 20;

export class Arena<T extends Typed> {
  private block: T;
  private at = 0;

  constructor(private readonly make: (n: number) => T) {
    this.block = make(BLOCK);
  }

  /** A zeroed view of `n` elements. */
  alloc(n: number): T {
    if (n > BLOCK) return this.make(n);
    if (this.at + n > this.block.length) {
      this.block = this.make(BLOCK);
      this.at = 0;
    }
    const view = this.block.subarray(this.at, this.at + n) as T;
    this.at += n;
    return view;
  }

  /** A copy of `src` in the arena. */
  copy(src: ArrayLike<number>): T {
    const view = this.alloc(src.length);
    view.set(src);
    return view;
  }
}
