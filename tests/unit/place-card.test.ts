import { describe, expect, it } from 'vitest';
import { EDGE, GAP, MIN_HEIGHT, placeCard } from '../../content/card/place-card';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 300 };
const at = (top: number, left = 100, height = 20) => ({ top, bottom: top + height, left });

describe('placeCard', () => {
  it('goes below the mention, aligned with its start', () => {
    expect(placeCard(at(100), card, viewport)).toEqual({
      side: 'bottom',
      x: 100,
      y: 120 + GAP,
      maxHeight: 800 - EDGE - (120 + GAP),
    });
  });

  it('flips above when it fits only there', () => {
    const p = placeCard(at(600), card, viewport);
    expect(p.side).toBe('top');
    expect(p.y + card.height).toBe(600 - GAP);
    expect(p.maxHeight).toBe(600 - GAP - EDGE);
  });

  it('stays below when neither side fits but below has more room, and scrolls inside', () => {
    const tall = { width: 360, height: 700 };
    const p = placeCard(at(300), tall, viewport);
    expect(p.side).toBe('bottom');
    expect(p.maxHeight).toBe(800 - EDGE - (320 + GAP));
    expect(p.y).toBe(320 + GAP);
  });

  it('takes the side with more room when neither fits', () => {
    const tall = { width: 360, height: 700 };
    const p = placeCard(at(500), tall, viewport);
    expect(p.side).toBe('top');
    expect(p.maxHeight).toBe(500 - GAP - EDGE);
    expect(p.y).toBe(EDGE);
  });

  it('is shifted back inside the viewport at the right edge', () => {
    expect(placeCard(at(100, 900), card, viewport).x).toBe(1000 - EDGE - 360);
  });

  it('keeps the start edge visible when the viewport is narrower than the card', () => {
    expect(placeCard(at(100, 50), card, { width: 300, height: 800 }).x).toBe(EDGE);
  });

  it('is never squeezed below a minimum height, and stays on screen', () => {
    const p = placeCard(at(40, 100, 20), card, { width: 400, height: 150 });
    expect(p.maxHeight).toBe(MIN_HEIGHT);
    expect(p.y).toBeGreaterThanOrEqual(EDGE);
    expect(p.y + Math.min(card.height, p.maxHeight)).toBeLessThanOrEqual(150 - EDGE);
  });

  it('follows a mention scrolled partly out of view back into the viewport', () => {
    const p = placeCard(at(-15), card, viewport);
    expect(p.side).toBe('bottom');
    expect(p.y).toBe(5 + GAP);
  });
});
