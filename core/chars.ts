/**
 * Character classes and folding, applied one UTF-16 unit at a time to the ORIGINAL text so
 * that matching needs no normalised copy and offsets stay exact.
 *
 * Folding: ASCII and other letters to lower case; full-width forms to ASCII (ＳｐａｃｅＸ);
 * half-width katakana to full-width. Zero-width characters and the soft hyphen are ignored
 * inside names; every kind of space and line break is a space; every dash is a hyphen.
 */

/** Class of a code unit, as far as names are concerned. */
export enum Cls {
  /** Ends a name: punctuation, symbols, emoji… */
  Stop = 0,
  /** A space or line break of any kind (NBSP included). */
  Space = 1,
  /** Any dash or hyphen. */
  Hyphen = 2,
  /** `.` and middle dots (・ joins katakana names). */
  Dot = 3,
  Comma = 4,
  /** Zero-width characters and the soft hyphen: invisible, skipped inside names. */
  Ignore = 5,
  /** Latin, Greek, Cyrillic… letters and digits: one script for word boundaries. */
  Word = 6,
  Katakana = 7,
  Hiragana = 8,
  Han = 9,
}

/** The full-width forms of ASCII `!`…`~` (ＳｐａｃｅＸ): each is its ASCII character plus this. */
const FULL_WIDTH_OFFSET = 0xfee0;

/** True for a full-width form of a printable ASCII character. */
export function isFullWidth(c: number): boolean {
  return c >= 0xff01 && c <= 0xff5e;
}

/** The ASCII character a full-width form stands for (`c` itself when it is none). */
export function fromFullWidth(c: number): number {
  return isFullWidth(c) ? c - FULL_WIDTH_OFFSET : c;
}

/** The full-width letters, as the inside of a regex character class. */
export const FULL_WIDTH_LETTERS_CLASS = '\\uFF21-\\uFF3A\\uFF41-\\uFF5A';

/** `Cls.Ignore` (zero-width characters, the soft hyphen), as the inside of a regex class. */
export const IGNORED_CLASS = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';

/** `Cls.Hyphen` (every dash and hyphen), as the inside of a regex class. */
export const HYPHENS_CLASS = '\\-\\u2010-\\u2015\\u2212\\uFE63\\uFF0D';

/** White space that HTML collapses (not the no-break space, which is kept as written). */
export const isWs = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/** True for a full-width letter or digit. */
function isFullWidthWord(c: number): boolean {
  const a = c - FULL_WIDTH_OFFSET;
  return (a >= 48 && a <= 57) || (a >= 65 && a <= 90) || (a >= 97 && a <= 122);
}

const ascii = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ascii[c] = /[A-Za-z0-9]/.test(ch)
    ? Cls.Word
    : /\s/.test(ch)
      ? Cls.Space
      : ch === '-'
        ? Cls.Hyphen
        : ch === '.'
          ? Cls.Dot
          : ch === ','
            ? Cls.Comma
            : Cls.Stop;
}

const letterRe = /[\p{L}\p{N}\p{M}]/u;
const spaceRe = /\s/u;
const wideCache = new Map<number, number>();

/** The class of code unit `c`. */
export function classOf(c: number): Cls {
  if (c < 128) return ascii[c] as Cls;
  if (c === 0x00ad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff)
    return Cls.Ignore;
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63 || c === 0xff0d)
    return Cls.Hyphen;
  if (c === 0x30fb || c === 0xff65 || c === 0x00b7 || c === 0xff0e) return Cls.Dot;
  if (c === 0xff0c) return Cls.Comma;
  if ((c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc || (c >= 0x31f0 && c <= 0x31ff))
    return Cls.Katakana;
  if (c >= 0xff66 && c <= 0xff9f) return Cls.Katakana;
  if (c >= 0x3041 && c <= 0x309f) return Cls.Hiragana;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3005) return Cls.Han;
  if (isFullWidthWord(c)) return Cls.Word;
  if (c >= 0xd800 && c <= 0xdfff) return Cls.Stop;
  const ch = String.fromCharCode(c);
  if (letterRe.test(ch)) return Cls.Word;
  if (spaceRe.test(ch)) return Cls.Space;
  return Cls.Stop;
}

/** True for classes that make up words. */
export function isWordCls(k: Cls): boolean {
  return k >= Cls.Word;
}

/**
 * The folded form of a word code unit (lower case, compatibility forms resolved), as a code
 * unit. Only meaningful for word classes.
 */
export function fold(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (isFullWidth(c)) return fold(c - FULL_WIDTH_OFFSET);
  let f = wideCache.get(c);
  if (f === undefined) {
    const nf = String.fromCharCode(c).normalize('NFKC').toLowerCase();
    f = nf.length === 1 ? nf.charCodeAt(0) : c;
    wideCache.set(c, f);
  }
  return f;
}

/** Folds a whole string the way the matcher folds text (for compiling names). */
export function foldKey(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isWordCls(classOf(c))) out += String.fromCharCode(fold(c));
  }
  return out;
}
