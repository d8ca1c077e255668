import { describe, expect, it } from 'vitest';
import {
  cardMaxHeight,
  inViewport,
  MAX_HEIGHT,
  MIN_HEIGHT,
  referenceRect,
} from '../../content/card/place-card';

const rect = (top: number, left: number, bottom: number, right: number) => ({
  top,
  left,
  bottom,
  right,
});

describe('cardMaxHeight', () => {
  it('is the room on its side when that is less than the cap', () => {
    expect(cardMaxHeight(300)).toBe(300);
    expect(cardMaxHeight(300.7)).toBe(300);
  });

  it('is never more than the cap, however much room there is', () => {
    expect(MAX_HEIGHT).toBe(480);
    expect(cardMaxHeight(700)).toBe(480);
  });

  it('is not squeezed below the height its controls need', () => {
    expect(cardMaxHeight(20)).toBe(MIN_HEIGHT);
    expect(cardMaxHeight(-50)).toBe(MIN_HEIGHT);
  });
});

describe('referenceRect', () => {
  it('is the mention box for a name on one line', () => {
    expect(referenceRect([rect(100, 40, 120, 90)])).toEqual(rect(100, 40, 120, 90));
  });

  it('spans both lines of a name broken over two, from the first line on', () => {
    const lines = [rect(100, 900, 120, 960), rect(122, 10, 142, 50)];
    expect(referenceRect(lines)).toEqual(rect(100, 900, 142, 960));
  });

  it('skips the empty boxes a range reports at a line end', () => {
    const lines = [rect(100, 960, 100, 960), rect(122, 10, 142, 50)];
    expect(referenceRect(lines)).toEqual(rect(122, 10, 142, 50));
  });

  it('is null for a mention with no box', () => {
    expect(referenceRect([])).toBeNull();
  });
});

describe('inViewport', () => {
  const w = 1280;
  const h = 720;
  it('is true for a mention anywhere on screen, even partly', () => {
    expect(inViewport(rect(300, 300, 320, 360), w, h)).toBe(true);
    expect(inViewport(rect(-10, 300, 10, 360), w, h)).toBe(true);
    expect(inViewport(rect(710, 1260, 730, 1300), w, h)).toBe(true);
  });

  it('is false once the mention has left by any edge', () => {
    expect(inViewport(rect(-30, 300, -10, 360), w, h)).toBe(false);
    expect(inViewport(rect(720, 300, 740, 360), w, h)).toBe(false);
    expect(inViewport(rect(300, -80, 320, 0), w, h)).toBe(false);
    expect(inViewport(rect(300, 1280, 320, 1330), w, h)).toBe(false);
  });
});
