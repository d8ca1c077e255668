/**
 * How the card-placement tests measure a card and its mention, in Chromium (Playwright) and
 * Firefox (Puppeteer) alike: the in-page parts are plain functions for either driver's
 * `page.evaluate`, and the rules the issue sets for a card beside its mention are one assertion.
 */
import { expect } from 'vitest';
import { until } from './harness';

export type Box = { left: number; top: number; right: number; bottom: number };

/** In the page: the line boxes of the first mention inside element `elId`, in viewport px. */
export function mentionLinesIn(elId: string) {
  const el = document.getElementById(elId);
  const registry = CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
  for (const [name, hl] of registry) {
    if (!name.startsWith('rivalry-')) continue;
    for (const r of hl) {
      if (!el?.contains(r.startContainer)) continue;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const lines = [...range.getClientRects()]
        .filter((b) => b.width > 0)
        .map((b) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom }));
      if (lines.length) return { name, text: range.toString(), lines };
    }
  }
  return null;
}

/** In the page: the open card, its controls, and whether each is the thing at its own centre. */
export function openCardIn() {
  const root = document.querySelector('rivalry-lens')?.shadowRoot;
  const el = root?.querySelector<HTMLElement>('.card');
  if (!root || !el?.matches(':popover-open')) return null;
  const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const controls = [...el.querySelectorAll<HTMLElement>('button, a[href], summary')].map((c) => {
    const r = c.getBoundingClientRect();
    const hit = root.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    // A link in the card's scrolling content (a rival's name on a long card) may be scrolled
    // out of view; the card's own controls, its way back included, never are.
    const body = c.matches('.back') ? null : c.closest('.card-body');
    const view = body && body.scrollHeight > body.clientHeight && body.getBoundingClientRect();
    return {
      label: c.getAttribute('aria-label') ?? c.textContent?.trim() ?? '',
      rect: box(r),
      hit: !!hit && c.contains(hit),
      scrolledAway: !!view && (r.top < view.top || r.bottom > view.bottom),
    };
  });
  const at = root.activeElement;
  return {
    label: el.getAttribute('aria-label'),
    rect: box(el.getBoundingClientRect()),
    controls,
    opacity: getComputedStyle(el).opacity,
    focusInCard: !!at && el.contains(at),
    status: root.querySelector('[role="status"]')?.textContent ?? '',
    viewport: { width: document.documentElement.clientWidth, height: innerHeight },
  };
}

export type Measured = NonNullable<ReturnType<typeof openCardIn>>;

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Every rule the issue sets for a card beside `lines`. */
export function expectWellPlaced(c: Measured, lines: Box[], where: string) {
  const { rect, viewport } = c;
  for (const line of lines)
    expect(overlaps(rect, line), `${where}: covers its mention`).toBe(false);
  expect(rect.left, `${where}: left`).toBeGreaterThanOrEqual(0);
  expect(rect.top, `${where}: top`).toBeGreaterThanOrEqual(0);
  expect(rect.right, `${where}: right`).toBeLessThanOrEqual(viewport.width);
  expect(rect.bottom, `${where}: bottom`).toBeLessThanOrEqual(viewport.height);
  expect(rect.bottom - rect.top, `${where}: height`).toBeLessThanOrEqual(480);
  expect(c.controls.length, `${where}: controls`).toBeGreaterThan(0);
  for (const b of c.controls) {
    if (b.scrolledAway) continue;
    const what = `${where}: "${b.label}"`;
    expect(b.rect.top, `${what} top`).toBeGreaterThanOrEqual(Math.max(rect.top, 0));
    expect(b.rect.bottom, `${what} bottom`).toBeLessThanOrEqual(
      Math.min(rect.bottom, viewport.height),
    );
    expect(b.rect.left, `${what} left`).toBeGreaterThanOrEqual(Math.max(rect.left, 0));
    expect(b.rect.right, `${what} right`).toBeLessThanOrEqual(Math.min(rect.right, viewport.width));
    expect(b.hit, `${what} is under its own centre`).toBe(true);
  }
}

/** The card once it has stopped moving (placement and fade-in done), measured by `measure`. */
export async function settledCard(measure: () => Promise<Measured | null>): Promise<Measured> {
  let last = '';
  return until(async () => {
    const c = await measure();
    expect(c).not.toBeNull();
    expect(c?.opacity).toBe('1');
    const now = JSON.stringify(c?.rect);
    const same = now === last;
    last = now;
    expect(same).toBe(true);
    return c as Measured;
  }, 4000);
}
