import { describe, expect, it } from 'vitest';
import {
  Cls,
  classOf,
  FULL_WIDTH_LETTERS_CLASS,
  fold,
  HYPHENS_CLASS,
  IGNORED_CLASS,
  fromFullWidth,
  isFullWidth,
} from '../../core/chars.ts';

const code = (s: string) => s.charCodeAt(0);

describe('the full-width range', () => {
  it('covers the full-width forms of printable ASCII, and nothing beside them', () => {
    expect(['！', 'Ｓ', 'ｘ', '０', '～'].map((c) => isFullWidth(code(c)))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['S', 'ｦ', '\uff00', '\uff5f', 'ス'].map((c) => isFullWidth(code(c)))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('maps each form to its ASCII character, and leaves others alone', () => {
    expect(String.fromCharCode(...[...'ＳｐａｃｅＸ１'].map((c) => fromFullWidth(code(c))))).toBe(
      'SpaceX1',
    );
    expect(fromFullWidth(code('S'))).toBe(code('S'));
    expect(fold(code('Ｘ'))).toBe(code('x'));
  });

  it('makes full-width letters and digits word characters, its punctuation not', () => {
    expect(classOf(code('Ａ'))).toBe(Cls.Word);
    expect(classOf(code('９'))).toBe(Cls.Word);
    expect(classOf(code('！'))).toBe(Cls.Stop);
    expect(classOf(code('－'))).toBe(Cls.Hyphen);
  });

  it('gives the regex class of exactly the full-width letters', () => {
    const re = new RegExp(`^[${FULL_WIDTH_LETTERS_CLASS}]$`);
    for (let c = 0xff01; c <= 0xff5e; c++) {
      const a = String.fromCharCode(fromFullWidth(c));
      expect(re.test(String.fromCharCode(c)), a).toBe(/[A-Za-z]/.test(a));
    }
  });
});

describe('the classes that regexes carry', () => {
  it('hold exactly the characters passed over, and exactly the hyphens', () => {
    const ignored = new RegExp(`^[${IGNORED_CLASS}]$`);
    const hyphens = new RegExp(`^[${HYPHENS_CLASS}]$`);
    const off: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (ignored.test(ch) !== (classOf(c) === Cls.Ignore)) off.push(`ignored U+${c.toString(16)}`);
      if (hyphens.test(ch) !== (classOf(c) === Cls.Hyphen)) off.push(`hyphen U+${c.toString(16)}`);
    }
    expect(off).toEqual([]);
  });
});
