// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectOwn } from '../../content/read/collect-text';
import { resetShadowOpener, shadowOf } from '../../content/read/shadow';

/** Stands for Chromium's `chrome.dom`: it knows the closed roots the page attached. */
const closed = new Map<Element, ShadowRoot>();
const openOrClosedShadowRoot = vi.fn((el: HTMLElement) => el.shadowRoot ?? closed.get(el) ?? null);

beforeEach(() => {
  (globalThis as { chrome?: unknown }).chrome = { dom: { openOrClosedShadowRoot } };
  resetShadowOpener();
});
afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
  resetShadowOpener();
  closed.clear();
  openOrClosedShadowRoot.mockClear();
  document.body.innerHTML = '';
});

function attachClosed(host: Element, html: string): ShadowRoot {
  const root = host.attachShadow({ mode: 'closed' });
  root.innerHTML = html;
  closed.set(host, root);
  return root;
}

/** Every run's text under `root`, owner by owner, as the scanner reads. */
function readAll(root: Element): string[] {
  const out: string[] = [];
  const queue: (Element | ShadowRoot)[] = [root];
  while (queue.length) {
    const { runs, nested } = collectOwn(queue.shift() as Element);
    for (const r of runs) out.push((r.text as string).trim());
    queue.push(...nested);
  }
  return out.filter(Boolean);
}

describe('closed shadow roots', () => {
  it('are read as open ones are, through the extension’s API', () => {
    document.body.innerHTML = '<p>Before <news-card>slotted</news-card> after</p>';
    const card = document.querySelector('news-card') as Element;
    attachClosed(card, '<h2>Neura<b>link</b> inside</h2><slot></slot>');
    expect(card.shadowRoot).toBeNull();
    expect(shadowOf(card)).toBe(closed.get(card));
    expect(readAll(document.body)).toEqual(['Before', 'slotted', 'after', 'Neuralink inside']);
  });

  it('are looked for on custom elements only, and an open root needs no call', () => {
    document.body.innerHTML = '<p><span>a</span> <b>b</b> <open-card></open-card></p>';
    const open = document.querySelector('open-card') as Element;
    open.attachShadow({ mode: 'open' }).innerHTML = 'SpaceX';
    readAll(document.body);
    expect(openOrClosedShadowRoot).not.toHaveBeenCalled();
    expect(readAll(document.body)).toContain('SpaceX');
  });

  it('leave the extension’s API untouched on a page without custom elements', () => {
    let asked = 0;
    (globalThis as { chrome?: unknown }).chrome = {
      get dom() {
        asked++;
        return { openOrClosedShadowRoot };
      },
    };
    document.body.innerHTML = '<p>Plain <b>prose</b> and a <span>span</span>.</p>';
    document.querySelector('span')?.attachShadow({ mode: 'open' });
    readAll(document.body);
    expect(asked).toBe(0);
    document.body.insertAdjacentHTML('beforeend', '<news-card>card</news-card>');
    readAll(document.body);
    expect(asked).toBe(1);
  });

  it('use Firefox’s property where elements have it', () => {
    delete (globalThis as { chrome?: unknown }).chrome;
    document.body.innerHTML = '<p><x-card></x-card></p>';
    const card = document.querySelector('x-card') as Element;
    const root = attachClosed(card, 'Stoke Space');
    Object.defineProperty(Element.prototype, 'openOrClosedShadowRoot', {
      configurable: true,
      get(this: Element) {
        return this.shadowRoot ?? closed.get(this) ?? null;
      },
    });
    try {
      resetShadowOpener();
      expect(shadowOf(card)).toBe(root);
    } finally {
      delete (Element.prototype as { openOrClosedShadowRoot?: unknown }).openOrClosedShadowRoot;
    }
  });
});
