/**
 * The text of a run too long to be one string, in pieces: a big text node's chunks as they were
 * read, or many small parts joined JOIN_MAX characters at a time. Joining (or flattening) a
 * string costs time in proportion to its length, in one call that nothing can slice: a single
 * text node of megabytes joined whole was a long task. The matcher only ever asks for a window of it
 * (`slice`), a few pieces long.
 */
export class LongText {
  readonly length: number;
  /** Where each piece starts in the whole text. */
  private readonly starts: number[] = [];

  constructor(readonly pieces: readonly string[]) {
    let at = 0;
    for (const piece of pieces) {
      this.starts.push(at);
      at += piece.length;
    }
    this.length = at;
  }

  /** `String.prototype.slice` of the whole text, for 0 <= from <= to <= length. */
  slice(from: number, to: number): string {
    const { pieces, starts } = this;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= from) lo = mid;
      else hi = mid - 1;
    }
    let out = '';
    for (let i = lo; i < pieces.length && (starts[i] as number) < to; i++) {
      const at = starts[i] as number;
      out += (pieces[i] as string).slice(Math.max(0, from - at), to - at);
    }
    return out;
  }
}

/** A run's text is one string up to this many characters, and pieces of it past that. */
export const JOIN_MAX = 1 << 18;
