// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Found } from '../../content/found';
import { type HighlightApi, highlightApi } from '../../content/paint/highlight-api';
import { createHighlightPainter, createMarkPainter } from '../../content/paint/painter';
import { FLASH_HIGHLIGHT, highlightCss } from '../../content/paint/styles';
import { collectOwn } from '../../content/read/collect-text';
import { rangeFor } from '../../content/read/run';
import { entityFill, FILL_TEXT } from '../../extension/palette';
import { fakeMatch } from './content-helpers';
import { FakeHighlight } from './part-helpers';

afterEach(() => {
  document.body.innerHTML = '';
  document.adoptedStyleSheets = [];
});

/** A stand-in for the system's dark-scheme query; `flip` changes it and tells the listeners. */
function fakeSystem() {
  let dark = false;
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
  };
  vi.spyOn(window, 'matchMedia').mockReturnValue(query as unknown as MediaQueryList);
  return {
    flip() {
      dark = !dark;
      for (const fn of [...listeners]) fn();
    },
    listening: () => listeners.size,
  };
}

function fakeApi(): HighlightApi & { names: () => string[] } {
  const registry = new Map<string, FakeHighlight>();
  return {
    registry: registry as unknown as HighlightRegistry,
    Highlight: FakeHighlight as unknown as typeof Highlight,
    names: () => [...registry.keys()].sort(),
  };
}

/** Mentions of a block, found the way the scanner finds them. */
function foundIn(owner: Element): Found[] {
  const out: Found[] = [];
  for (const run of collectOwn(owner).runs) {
    for (const mention of fakeMatch(run.text as string, { seen: new Set() })) {
      const range = rangeFor(run, mention.start, mention.end);
      if (range) out.push({ mention, range, owner, run });
    }
  }
  return out;
}

/** A snapshot of a subtree that notices split or replaced text nodes, not only markup. */
function snapshot(el: Element): { html: string; nodes: Node[]; data: string[] } {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(el, 0xffffffff);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  return { html: el.innerHTML, nodes, data: nodes.map((n) => (n as Text).data ?? '') };
}

describe('fallback painter: <rivalry-mark> elements', () => {
  const quietly = <T>(fn: () => T) => fn();

  it('is what a browser without the Highlight API gets', () => {
    // happy-dom, like older browsers, has neither CSS.highlights nor Highlight.
    expect(highlightApi(window as unknown as Window & typeof globalThis)).toBeNull();
  });

  it('wraps each mention, across inline elements, and undoes it exactly', () => {
    document.body.innerHTML =
      '<p>OpenAI and SpaceX met Neura<b>link</b>; Stoke<br>Space too. OpenAISpaceX</p>';
    const p = document.querySelector('p') as Element;
    const before = snapshot(p);
    const found = foundIn(p);
    expect(found.map((f) => f.mention.text)).toEqual([
      'OpenAI',
      'SpaceX',
      'Neuralink',
      'Stoke\nSpace',
    ]);
    const painter = createMarkPainter(document, 'fill', quietly);
    painter.add(found);
    const marks = [...p.querySelectorAll('rivalry-mark')];
    expect(marks.map((m) => `${(m as HTMLElement).dataset.entity}:${m.textContent}`)).toEqual([
      'openai:OpenAI',
      'spacex:SpaceX',
      'neuralink:Neura',
      'neuralink:link',
      'stoke-space:Stoke',
      'stoke-space:Space',
    ]);
    // Ranges now cover the wrapped text, for hit-testing and the card.
    expect(found.map((f) => f.range.toString())).toEqual([
      'OpenAI',
      'SpaceX',
      'Neuralink',
      'StokeSpace',
    ]);

    painter.remove(found);
    const after = snapshot(p);
    expect(after.html).toBe(before.html);
    expect(after.data).toEqual(before.data);
    // The very same text nodes are back in place: a framework holding them sees no change.
    expect(after.nodes).toEqual(before.nodes);
  });

  it('undoes wraps in any order, and on destroy', () => {
    document.body.innerHTML = '<p>OpenAI SpaceX OpenAI</p>';
    const p = document.querySelector('p') as Element;
    const before = snapshot(p);
    const found = foundIn(p);
    const painter = createMarkPainter(document, 'underline', quietly);
    painter.add(found);
    expect(p.querySelectorAll('rivalry-mark')).toHaveLength(3);
    painter.remove([found[1] as Found]);
    expect(p.querySelectorAll('rivalry-mark')).toHaveLength(2);
    painter.destroy();
    const after = snapshot(p);
    expect(after.html).toBe(before.html);
    expect(after.nodes).toEqual(before.nodes);
  });

  it('changes the DOM only inside `quietly`', () => {
    document.body.innerHTML = '<p>OpenAI</p>';
    const p = document.querySelector('p') as Element;
    let inside = 0;
    let changes = 0;
    const observer = new MutationObserver((r) => {
      changes += r.length;
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const painter = createMarkPainter(document, 'fill', (fn) => {
      inside++;
      const out = fn();
      observer.takeRecords();
      return out;
    });
    const found = foundIn(p);
    painter.add(found);
    painter.remove(found);
    expect(inside).toBe(2);
    expect(observer.takeRecords()).toHaveLength(0);
    expect(changes).toBe(0);
    observer.disconnect();
  });
});

describe('highlight painter', () => {
  /** A stand-in for CSS.highlights and Highlight with the same set semantics. */
  it('registers one highlight per entity as rivalry-<id>, and removes it when empty', () => {
    document.body.innerHTML = '<p>OpenAI, SpaceX and OpenAI again</p>';
    const p = document.querySelector('p') as Element;
    const html = p.innerHTML;
    const api = fakeApi();
    const painter = createHighlightPainter(document, api, ['openai', 'spacex'], 'fill');
    const found = foundIn(p);
    painter.add(found);
    expect(api.names()).toEqual(['rivalry-openai', 'rivalry-spacex']);
    const openai = api.registry.get('rivalry-openai') as unknown as Set<Range>;
    expect([...openai].map((r) => r.toString())).toEqual(['OpenAI', 'OpenAI']);
    expect(painter.entityOf(openai)).toBe('openai');
    // The page is untouched; the rules went to an adopted sheet.
    expect(p.innerHTML).toBe(html);
    expect(document.adoptedStyleSheets).toHaveLength(1);

    painter.remove(found.filter((f) => f.mention.entity === 'spacex'));
    expect(api.names()).toEqual(['rivalry-openai']);
    painter.flash(found[0]?.range ?? null);
    expect(api.names()).toContain(FLASH_HIGHLIGHT);
    painter.destroy();
    expect(api.names()).toEqual([]);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('finds the API without touching CSS, and asks for the registry when it first paints', () => {
    const fake = fakeApi();
    let looks = 0;
    const win = {
      Highlight: fake.Highlight,
      HighlightRegistry: class {},
      get CSS() {
        looks++;
        return { highlights: fake.registry };
      },
    } as unknown as Window & typeof globalThis;
    const api = highlightApi(win) as HighlightApi;
    expect(api).not.toBeNull();
    expect(looks).toBe(0);
    // A page without a mention: nothing painted, nothing to take down.
    createHighlightPainter(document, api, ['openai'], 'fill').destroy();
    expect(looks).toBe(0);
    document.body.innerHTML = '<p>OpenAI</p>';
    const painter = createHighlightPainter(document, api, ['openai'], 'fill');
    painter.add(foundIn(document.querySelector('p') as Element));
    expect(fake.names()).toEqual(['rivalry-openai']);
    painter.destroy();
    expect(fake.names()).toEqual([]);
    expect(looks).toBe(1);
  });

  it('styles open shadow roots that hold a mention', () => {
    document.body.innerHTML = '<x-c></x-c>';
    const shadow = (document.querySelector('x-c') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>SpaceX</p>';
    const api = fakeApi();
    const painter = createHighlightPainter(document, api, ['spacex'], 'underline');
    painter.add(foundIn(shadow.querySelector('p') as Element));
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    expect(shadow.adoptedStyleSheets[0]).toBe(document.adoptedStyleSheets[0]);
    painter.destroy();
    expect(shadow.adoptedStyleSheets).toHaveLength(0);
  });
});

describe('highlight rules written for the root (Chromium)', () => {
  // The rules each sheet was last given (happy-dom does not parse `::highlight()` rules).
  const given = new Map<CSSStyleSheet, string>();
  const replaceSync = CSSStyleSheet.prototype.replaceSync;
  beforeEach(() => {
    given.clear();
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(function (
      this: CSSStyleSheet,
      text: string,
    ) {
      given.set(this, text);
      replaceSync.call(this, text);
    });
  });
  afterEach(() => vi.restoreAllMocks());
  const rulesOf = (sheet: CSSStyleSheet | null | undefined) => (sheet && given.get(sheet)) ?? '';

  /** A painter of rules for the root, on a page with the early rules or not, with `p` painted. */
  const rootPainter = (style: 'fill' | 'underline', early = false, api = fakeApi()) => {
    const painter = createHighlightPainter(document, api, ['openai'], style, {
      scope: 'root',
      early,
    });
    painter.add(foundIn(document.querySelector('p') as Element));
    return painter;
  };

  it('styles shadow trees from the document, with no sheet of their own', () => {
    document.body.innerHTML = '<x-c></x-c>';
    const shadow = (document.querySelector('x-c') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>SpaceX</p>';
    const painter = createHighlightPainter(document, fakeApi(), ['spacex'], 'fill', {
      scope: 'root',
    });
    painter.add(foundIn(shadow.querySelector('p') as Element));
    expect(shadow.adoptedStyleSheets).toHaveLength(0);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(rulesOf(document.adoptedStyleSheets[0])).toContain(':root::highlight(rivalry-spacex)');
    painter.destroy();
  });

  it('paints with the rules the page has from document start, adopting none', () => {
    document.body.innerHTML = '<p>OpenAI</p>';
    const api = fakeApi();
    const painter = rootPainter('fill', true, api);
    // Painted, with nothing adopted: the manifest's rules style it.
    expect(api.names()).toEqual(['rivalry-openai']);
    expect(document.adoptedStyleSheets).toEqual([]);
    painter.destroy();
    expect(document.adoptedStyleSheets).toEqual([]);
  });

  it('adopts a sheet of its own over the early rules for another style, and takes it out', () => {
    document.body.innerHTML = '<p>OpenAI</p>';
    const page = new CSSStyleSheet();
    document.adoptedStyleSheets = [page];

    const painter = rootPainter('underline', true);
    const [, own] = document.adoptedStyleSheets;
    expect(document.adoptedStyleSheets).toEqual([page, own]);
    // The early rules' fill is taken away, not left under the underline.
    expect(rulesOf(own)).toContain(
      ':root::highlight(rivalry-openai){background-color:revert-layer;color:revert-layer;text-decoration',
    );
    // Back to the default style: the early rules again, and nothing of ours adopted.
    painter.setStyle('fill');
    expect(document.adoptedStyleSheets).toEqual([page]);
    painter.setStyle('underline');
    expect(document.adoptedStyleSheets).toEqual([page, own]);
    painter.destroy();
    expect(document.adoptedStyleSheets).toEqual([page]);
  });

  it('adopts the default style’s rules itself where the page has no early rules', () => {
    document.body.innerHTML = '<p>OpenAI</p>';
    const painter = rootPainter('fill');
    const [own] = document.adoptedStyleSheets;
    expect(rulesOf(own)).toContain(':root::highlight(rivalry-openai){background-color:#');
    painter.destroy();
    expect(document.adoptedStyleSheets).toEqual([]);
  });

  it('paints the fill for the underline style where the browser draws no underline', () => {
    document.body.innerHTML = '<p>OpenAI</p>';
    const fill = `::highlight(rivalry-openai){background-color:${entityFill('openai', 'light')}`;
    const painter = createHighlightPainter(document, fakeApi(), ['openai'], 'underline', {
      scope: 'tree',
      underlines: false,
    });
    painter.add(foundIn(document.querySelector('p') as Element));
    expect(rulesOf(document.adoptedStyleSheets[0])).toContain(fill);
    painter.setStyle('fill');
    painter.setStyle('underline');
    expect(rulesOf(document.adoptedStyleSheets[0])).toContain(fill);
    painter.destroy();
    // Where it does, the underline style has no fill.
    const drawn = createHighlightPainter(document, fakeApi(), ['openai'], 'underline', {
      scope: 'tree',
      underlines: true,
    });
    drawn.add(foundIn(document.querySelector('p') as Element));
    const rules = rulesOf(document.adoptedStyleSheets[0]);
    expect(rules).toContain('::highlight(rivalry-openai){text-decoration:underline wavy');
    expect(rules).not.toContain('background-color:#');
    drawn.destroy();
  });
});

describe('on a dark page', () => {
  afterEach(() => {
    document.body.removeAttribute('style');
    vi.restoreAllMocks();
  });

  it('adopts dark fills over the early rules, and follows a theme that follows the system', () => {
    const given = new Map<CSSStyleSheet, string>();
    const replaceSync = CSSStyleSheet.prototype.replaceSync;
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(function (
      this: CSSStyleSheet,
      text: string,
    ) {
      given.set(this, text);
      replaceSync.call(this, text);
    });
    const system = fakeSystem();
    document.body.innerHTML = '<p>OpenAI</p>';
    document.body.style.backgroundColor = '#202124';
    const painter = createHighlightPainter(document, fakeApi(), ['openai'], 'fill', {
      scope: 'root',
      early: true,
    });
    expect(system.listening()).toBe(0);
    painter.add(foundIn(document.querySelector('p') as Element));
    const [own] = document.adoptedStyleSheets as CSSStyleSheet[];
    expect(given.get(own as CSSStyleSheet)).toContain(
      `:root::highlight(rivalry-openai){background-color:${entityFill('openai', 'dark')};color:${FILL_TEXT.dark};`,
    );
    // The page's theme turns light with the system's: the early (light) rules are enough again.
    document.body.style.backgroundColor = '#fff';
    system.flip();
    expect(document.adoptedStyleSheets).toEqual([]);
    painter.destroy();
    expect(system.listening()).toBe(0);
  });

  it('gives fallback marks the dark fills, looking at the page only once there is a mention', () => {
    const system = fakeSystem();
    document.body.innerHTML = '<p>OpenAI</p>';
    document.body.style.backgroundColor = 'rgb(18, 18, 18)';
    const painter = createMarkPainter(document, 'fill', (fn) => fn());
    painter.add([]);
    expect(system.listening()).toBe(0);
    painter.add(foundIn(document.querySelector('p') as Element));
    const mark = document.querySelector('rivalry-mark') as HTMLElement;
    expect(mark.getAttribute('style')).toContain(
      `background-color:${entityFill('openai', 'dark')}`,
    );
    document.body.style.backgroundColor = 'white';
    system.flip();
    expect(mark.getAttribute('style')).toContain(
      `background-color:${entityFill('openai', 'light')}`,
    );
    painter.destroy();
    expect(system.listening()).toBe(0);
  });
});

describe('highlight rules', () => {
  it('address every entity by name, in a layer the page can override', () => {
    const fill = highlightCss(['openai', 'stoke-space'], 'fill');
    expect(fill.startsWith('@layer rivalry-lens{')).toBe(true);
    expect(fill).toMatch(
      /::highlight\(rivalry-openai\)\{background-color:#[0-9a-f]{6};color:#[0-9a-f]{6};text-decoration:underline wavy/,
    );
    expect(fill).toContain('::highlight(rivalry-stoke-space)');
    const underline = highlightCss(['openai'], 'underline');
    expect(underline).toContain('::highlight(rivalry-openai){text-decoration:underline wavy 2px');
    expect(underline).not.toContain('rivalry-openai){background-color:#');
    // For the root only: every rule, the flash and the forced-colours ones too.
    const root = highlightCss(['openai'], 'fill', 'root');
    expect(root.match(/::highlight\(/g)).toHaveLength(3);
    expect(root.match(/:root::highlight\(/g)).toHaveLength(3);
  });
});
