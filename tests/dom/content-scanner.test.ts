// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  HUGE_BATCH,
  MATCH_OVERLAP as OVERLAP,
  WHOLE_TEXT_MAX,
  MATCH_WINDOW as WINDOW,
} from '../../content/budgets';
import type { Found } from '../../content/found';
import { matchAll } from '../../content/scan/match-windows';
import {
  type Batch,
  createBatchedObserver,
  type FrameView,
  fold,
} from '../../content/scan/observer';
import { createScanner, type Scanner } from '../../content/scan/scanner';
import { gateNames, gateOpens, linkGate } from '../../core/gate';
import { matchData } from '../../core/match-data';
import { prepareNames } from '../../core/prepare-names';
import { dataset } from '../../core/rivalry-data';
import { advanceUntil, calls, fakeMatch, until, useFakeTimeouts } from './content-helpers';

let abort: AbortController;
beforeEach(() => {
  abort = new AbortController();
  calls.count = 0;
  calls.longest = 0;
  calls.texts = [];
});
afterEach(() => {
  vi.useRealTimers();
  abort.abort();
  document.body.innerHTML = '';
});

describe('matchAll: windows over long text', () => {
  it('finds every mention once, including those across window edges, in bounded calls', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(Math.ceil((WINDOW * 3) / 27));
    // Put names right on and around the window boundaries.
    const cut = [WINDOW - 3, WINDOW, 2 * WINDOW - 8, 2 * WINDOW + 1];
    let text = filler;
    for (const at of cut.reverse()) text = `${text.slice(0, at)} Stoke Space ${text.slice(at)}`;
    const seen = new Set<string>();
    const found = matchAll(text, fakeMatch, seen);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(Array(4).fill('Stoke Space'));
    expect(new Set(found.map((m) => m.start)).size).toBe(4);
    expect(calls.longest).toBeLessThanOrEqual(WINDOW + 2 * OVERLAP);
    expect(calls.count).toBeGreaterThan(3);
  });

  it('carries `seen` from window to window', () => {
    const text = `Elon Musk ${'x '.repeat(WINDOW)} then Musk again`;
    const found = matchAll(text, fakeMatch, new Set());
    expect(found.map((m) => m.text)).toEqual(['Elon Musk', 'Musk']);
  });
});

interface Log {
  added: Found[];
  removed: Found[];
  moved: Found[];
  scanner: Scanner;
}

function startScanner(
  budgetMs = 8,
  limitChars?: number,
  limitNodes?: number,
  limitOwnerNodes?: number,
  mayName?: (text: string) => boolean,
): Log {
  const log = { added: [] as Found[], removed: [] as Found[], moved: [] as Found[] } as Log;
  const observer = createBatchedObserver((b) => {
    if (b.huge) log.scanner.rescan();
    else log.scanner.changed(b);
  }, abort.signal);
  log.scanner = createScanner({
    root: document,
    match: fakeMatch,
    mayName,
    signal: abort.signal,
    budgetMs,
    limitChars,
    limitNodes,
    limitOwnerNodes,
    entityCount: 7,
    onAdd: (list) => log.added.push(...list),
    onRemove: (list) => log.removed.push(...list),
    onMoved: (list) => log.moved.push(...list),
    onShadowRoot: (root) => observer.observe(root),
    onState: () => {},
  });
  observer.observe(document);
  log.scanner.start();
  return log;
}

/** The texts of all current mentions, in no particular order. */
function current(s: Scanner): string[] {
  return [...s.all()]
    .flat()
    .map((f) => f.range.toString())
    .sort();
}

describe('scanner', () => {
  it('finds names split across elements and lines, and in open shadow roots', async () => {
    document.body.innerHTML =
      '<p>Altman and Stoke <em>Space</em>.</p><p>Neura<b>link</b> and Stoke<br>Space</p><x-c></x-c>';
    const shadow = (document.querySelector('x-c') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>OpenAI inside</p>';
    const log = startScanner();
    await until(() => expect(log.scanner.state).toBe('ready'));
    expect(current(log.scanner)).toEqual(['Neuralink', 'OpenAI', 'Stoke Space', 'StokeSpace']);
  });

  it('leaves out text the page does not draw, and reads it once it is drawn', async () => {
    document.body.innerHTML =
      '<style>.teaser{display:none}</style><p>SpaceX shown</p>' +
      '<p class="teaser" id="t">Read on about OpenAI</p><p>Neuralink and <span id="s">Sam Altman</span></p>';
    const span = document.getElementById('s') as HTMLElement;
    span.style.display = 'none';
    // The page's IntersectionObserver, driven by hand: happy-dom lays nothing out.
    const observers: { cb: IntersectionObserverCallback; targets: Set<Element> }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        targets = new Set<Element>();
        constructor(public cb: IntersectionObserverCallback) {
          observers.push(this);
        }
        observe(el: Element) {
          this.targets.add(el);
        }
        unobserve(el: Element) {
          this.targets.delete(el);
        }
        disconnect() {
          this.targets.clear();
        }
      },
    );
    try {
      const log = startScanner();
      await until(() => expect(log.scanner.state).toBe('ready'));
      expect(current(log.scanner)).toEqual(['Neuralink', 'SpaceX']);
      const watched = observers.flatMap((o) => [...o.targets]);
      expect(watched.map((el) => el.id).sort()).toEqual(['s', 't']);

      // Shown: the observer says it is in view, and its owner is read again.
      (document.getElementById('t') as HTMLElement).className = '';
      const io = observers[0] as (typeof observers)[number];
      const entry = (target: Element) =>
        ({ target, isIntersecting: true }) as IntersectionObserverEntry;
      io.cb([entry(document.getElementById('t') as Element)], {} as IntersectionObserver);
      await until(() => expect(current(log.scanner)).toEqual(['Neuralink', 'OpenAI', 'SpaceX']));
      // In view but still not drawn: nothing to read again yet.
      io.cb([entry(span)], {} as IntersectionObserver);
      expect(io.targets.has(span)).toBe(true);
      span.style.display = '';
      io.cb([entry(span)], {} as IntersectionObserver);
      await until(() =>
        expect(current(log.scanner)).toEqual(['Neuralink', 'OpenAI', 'Sam Altman', 'SpaceX']),
      );
      expect(io.targets.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('never reads inputs, textareas or editors', async () => {
    document.body.innerHTML =
      '<input value="OpenAI"><textarea>OpenAI</textarea><div contenteditable>OpenAI</div><p>SpaceX</p>';
    const log = startScanner();
    await until(() => expect(log.scanner.state).toBe('ready'));
    expect(current(log.scanner)).toEqual(['SpaceX']);
  });

  it('follows added, edited and removed text', async () => {
    document.body.innerHTML = '<main><p id="a">OpenAI</p></main>';
    const log = startScanner();
    await until(() => expect(current(log.scanner)).toEqual(['OpenAI']));

    const p = document.createElement('p');
    p.textContent = 'SpaceX arrives';
    document.querySelector('main')?.append(p);
    await until(() => expect(current(log.scanner)).toEqual(['OpenAI', 'SpaceX']));

    (document.querySelector('#a')?.firstChild as Text).data = 'now Neuralink';
    await until(() => expect(current(log.scanner)).toEqual(['Neuralink', 'SpaceX']));

    p.remove();
    await until(() => expect(current(log.scanner)).toEqual(['Neuralink']));
    expect(log.removed.map((f) => f.mention.text)).toEqual(['OpenAI', 'SpaceX']);
  });

  it('reads what was added at once when handed a batch in a frame, else in a task', async () => {
    document.body.innerHTML = '<main><p>OpenAI</p></main>';
    const log = startScanner();
    await until(() => expect(log.scanner.state).toBe('ready'));
    const append = (text: string) => {
      const p = document.createElement('p');
      p.textContent = text;
      document.querySelector('main')?.append(p);
      return p;
    };
    const batch = (p: Node, inFrame: boolean): Batch => ({
      dirty: new Set(),
      added: [p],
      removed: false,
      removedElements: false,
      huge: false,
      inFrame,
    });
    log.scanner.changed(batch(append('SpaceX arrives'), false));
    expect(current(log.scanner)).toEqual(['OpenAI']);
    log.scanner.changed(batch(append('Neuralink too'), true));
    // Both read, in this same call: the frame about to be drawn can show them.
    expect(current(log.scanner)).toEqual(['Neuralink', 'OpenAI', 'SpaceX']);
  });

  it('a block read again keeps the mentions it still has, with the same Range objects', async () => {
    document.body.innerHTML = '<p id="a">OpenAI and SpaceX, then <b>Neuralink</b></p>';
    const log = startScanner();
    await until(() => expect(current(log.scanner)).toEqual(['Neuralink', 'OpenAI', 'SpaceX']));
    const [openai, spacex, neuralink] = log.added;
    const text = document.querySelector('#a')?.firstChild as Text;
    // Rewritten (live ranges in it collapse, in a browser): the ranges are set again.
    text.data = `Now ${text.data}`;
    await until(() => expect(log.moved.length).toBe(2));
    expect(log.moved).toEqual([openai, spacex]);
    expect(openai?.range.toString()).toBe('OpenAI');
    expect(spacex?.range.toString()).toBe('SpaceX');
    // A name gone is removed; the others stay the same objects.
    text.data = `Now OpenAI and nothing else, then `;
    await until(() => expect(log.removed).toEqual([spacex]));
    expect([...log.scanner.all()].flat()).toEqual([openai, neuralink]);
    expect(openai?.range.toString()).toBe('OpenAI');
    expect(log.added.length).toBe(3);
  });

  it('reads a re-attached subtree again', async () => {
    document.body.innerHTML = '<div id="box"><p>OpenAI</p></div>';
    const log = startScanner();
    await until(() => expect(current(log.scanner)).toEqual(['OpenAI']));
    const box = document.querySelector('#box') as Element;
    box.remove();
    await until(() => expect(current(log.scanner)).toEqual([]));
    document.body.append(box);
    await until(() => expect(current(log.scanner)).toEqual(['OpenAI']));
  });

  it('reads a subtree moved in one step again', async () => {
    document.body.innerHTML =
      '<div id="box"><p>OpenAI</p></div><section id="to"><p>x</p></section>';
    const log = startScanner();
    await until(() => expect(log.scanner.state).toBe('ready'));
    expect(calls.texts).toEqual(['OpenAI', 'x']);
    // Moving a node collapses the ranges in it in a browser: the blocks in it are read again.
    document.querySelector('#to')?.append(document.querySelector('#box') as Element);
    await until(() => expect(calls.texts).toEqual(['OpenAI', 'x', 'OpenAI']));
    await until(() => expect(log.scanner.state).toBe('ready'));
    expect(current(log.scanner)).toEqual(['OpenAI']);
  });

  it('works through a large page in many short slices', async () => {
    const html: string[] = [];
    for (let i = 0; i < 1000; i++) html.push(`<p>Paragraph ${i} about SpaceX and more words.</p>`);
    document.body.innerHTML = `<article>${html.join('')}</article>`;
    const log = startScanner(2);
    // One task later, a 2 ms slice has done only part of the page and yielded back.
    await new Promise((r) => setTimeout(r, 0));
    const afterFirstTask = log.added.length;
    expect(log.scanner.state).toBe('loading');
    expect(afterFirstTask).toBeLessThan(1000);
    await until(() => expect(log.scanner.state).toBe('ready'), 20_000);
    expect(log.added).toHaveLength(1000);
    expect(current(log.scanner)).toHaveLength(1000);
  }, 30_000);

  it('stops at the size limit until asked to go on', async () => {
    document.body.innerHTML = `<p>OpenAI ${'word '.repeat(200)}</p><p>SpaceX</p>`;
    const log = startScanner(8, 100);
    await until(() => expect(log.scanner.state).toBe('too-large'));
    expect(current(log.scanner).length).toBeLessThan(2);
    log.scanner.processAnyway();
    await until(() => expect(log.scanner.state).toBe('ready'));
    expect(current(log.scanner)).toEqual(['OpenAI', 'SpaceX']);
  });

  it('stops at the node limit, inside an owner too, until asked to go on', async () => {
    // Longer than WHOLE_TEXT_MAX, so that it is read node by node from the start.
    const word = `${'w'.repeat(Math.ceil(WHOLE_TEXT_MAX / 3000))} `;
    const p = document.createElement('p');
    for (let i = 0; i < 3000; i++) p.append(i === 2000 ? 'OpenAI ' : word);
    const q = document.createElement('p');
    q.textContent = 'SpaceX';
    document.body.append(p, q);
    const log = startScanner(8, undefined, 1000);
    await until(() => expect(log.scanner.state).toBe('too-large'));
    // The paragraph of 3,000 text nodes was stopped in the middle, not read to its end first.
    expect(calls.texts).toEqual([]);
    // And it stays stopped, however long one waits.
    useFakeTimeouts();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(log.scanner.state).toBe('too-large');
    expect(calls.texts).toEqual([]);
    vi.useRealTimers();
    log.scanner.processAnyway();
    await until(() => expect(log.scanner.state).toBe('ready'));
    expect(current(log.scanner)).toEqual(['OpenAI', 'SpaceX']);
  });

  it('stops one owner of many nodes at its own limit, and not as many nodes in many owners', async () => {
    // Text nodes side by side are read node by node (see wholeText).
    const paragraph = (nodes: number, name: string) => {
      const p = document.createElement('p');
      for (let i = 0; i < nodes; i++) p.append(i === nodes - 1 ? name : 'word ');
      return p;
    };
    // 3,000 nodes in 30 paragraphs, under an owner limit of 1,000: read to the end.
    for (let i = 0; i < 30; i++) document.body.append(paragraph(100, i === 29 ? 'SpaceX' : 'x'));
    const spread = startScanner(8, undefined, 100_000, 1000);
    await until(() => expect(spread.scanner.state).toBe('ready'));
    expect(current(spread.scanner)).toEqual(['SpaceX']);
    abort.abort();
    abort = new AbortController();
    calls.texts.length = 0;
    // The same 3,000 nodes in one paragraph: stopped in the middle, then read when asked.
    document.body.replaceChildren(paragraph(3000, 'OpenAI'));
    const one = startScanner(8, undefined, 100_000, 1000);
    await until(() => expect(one.scanner.state).toBe('too-large'));
    expect(calls.texts).toEqual([]);
    one.scanner.processAnyway();
    await until(() => expect(one.scanner.state).toBe('ready'));
    expect(current(one.scanner)).toEqual(['OpenAI']);
  });

  it('counts the limits per stretch of reading, not over the life of the page', async () => {
    // Each batch of this feed is under the limit; all of them together are over it.
    document.body.innerHTML = `<p>OpenAI ${'word '.repeat(12)}</p>`;
    const log = startScanner(8, 100);
    await until(() => expect(log.scanner.state).toBe('ready'));
    for (const name of ['SpaceX', 'Neuralink', 'Stoke Space']) {
      const post = document.createElement('p');
      post.textContent = `${name} ${'word '.repeat(12)}`;
      document.body.append(post);
      await until(() => expect(current(log.scanner)).toContain(name));
      await until(() => expect(log.scanner.state).toBe('ready'));
    }
    expect(current(log.scanner)).toEqual(['Neuralink', 'OpenAI', 'SpaceX', 'Stoke Space']);
  });

  it('reads a new page in place of one paused as too large', async () => {
    document.body.innerHTML = `<p>OpenAI ${'word '.repeat(200)}</p><p>SpaceX</p>`;
    const log = startScanner(8, 100);
    await until(() => expect(log.scanner.state).toBe('too-large'));
    // A single-page app's navigation: everything replaced, a batch too big to fold.
    document.body.innerHTML = '<p>Neuralink</p>';
    log.scanner.rescan();
    await until(() => expect(log.scanner.state).toBe('ready'));
    expect(current(log.scanner)).toEqual(['Neuralink']);
  });

  it('reads the whole page again after a batch of more owners than it folds', async () => {
    document.body.innerHTML = '<main><p>OpenAI</p></main>';
    const log = startScanner();
    await until(() => expect(log.scanner.state).toBe('ready'));
    const main = document.querySelector('main') as HTMLElement;
    const added = Array.from({ length: HUGE_BATCH + 2 }, (_, i) => {
      const p = document.createElement('p');
      p.textContent = i === HUGE_BATCH + 1 ? 'SpaceX last' : `row ${i}`;
      return p;
    });
    main.append(...added);
    log.scanner.changed({
      dirty: new Set(),
      added,
      removed: false,
      removedElements: false,
      inFrame: false,
    });
    await until(() => expect(current(log.scanner)).toEqual(['OpenAI', 'SpaceX']), 10_000);
  });

  it('says it is reading again when asked to read a page anew after a failure', async () => {
    document.body.innerHTML = '<p>OpenAI</p>';
    let broken = true;
    const states: string[] = [];
    const scanner = createScanner({
      root: document,
      match: (text, options) => {
        if (broken) throw new Error('matcher broke');
        return fakeMatch(text, options);
      },
      signal: abort.signal,
      entityCount: 7,
      onAdd: () => {},
      onRemove: () => {},
      onMoved: () => {},
      onShadowRoot: () => {},
      onState: (state) => states.push(state),
      onError: () => {},
    });
    scanner.start();
    await until(() => expect(scanner.state).toBe('failed'));
    broken = false;
    scanner.rescan();
    expect(scanner.state).toBe('loading');
    await until(() => expect(scanner.state).toBe('ready'));
    expect(states).toEqual(['failed', 'loading', 'ready']);
    expect(current(scanner)).toEqual(['OpenAI']);
  });

  it('reads a block with no mention at once, without visiting its nodes', async () => {
    // 599 nodes of plain inline content in 239 children, against a limit of 100 nodes: read
    // node by node, it would stop at the collector's first look at the clock (512 nodes).
    const words = Array.from({ length: 120 }, (_, i) => `<b><i>w${i}</i> v</b>`).join(' ');
    document.body.innerHTML = `<p>${words}</p><p>Then <em>SpaceX</em> said</p>`;
    const log = startScanner(8, undefined, 100);
    await until(() => expect(log.scanner.state).toBe('ready'));
    expect(current(log.scanner)).toEqual(['SpaceX']);
  });

  it('matches a block with a mention once: its whole text, then its nodes only to place ranges', async () => {
    // (A split before a capital, "Open<i>AI</i>", is settled by layout first: see drawn-apart.)
    document.body.innerHTML = '<p>Then <em>SpaceX</em> and <b>Neura<i>link</i></b> said</p>';
    const log = startScanner();
    await until(() => expect(log.scanner.state).toBe('ready'));
    expect(current(log.scanner)).toEqual(['Neuralink', 'SpaceX']);
    expect(calls.texts).toEqual(['Then SpaceX and Neuralink said']);
  });

  it('reads nested blocks depth first, in document order', async () => {
    document.body.innerHTML =
      '<div><p>a1</p><div><p>b1</p><p>b2</p></div>tail<p>c1</p></div><section>d1<p>d2</p></section>';
    const log = startScanner();
    await until(() => expect(log.scanner.state).toBe('ready'));
    // A block's own text first, then the blocks in it, before its next sibling.
    expect(calls.texts).toEqual(['tail', 'a1', 'b1', 'b2', 'c1', 'd1', 'd2']);
  });

  it('reads a block queued again while waiting to be read once, not twice', async () => {
    document.body.innerHTML = `<p>OpenAI ${'word '.repeat(200)}</p><div><p id="x">SpaceX</p><p>Neuralink</p></div>`;
    const log = startScanner(8, 100);
    await until(() => expect(log.scanner.state).toBe('too-large'));
    // The page changes a block that waits, with its siblings, behind the size limit.
    (document.querySelector('#x') as Element).textContent = 'SpaceX again';
    await new Promise((r) => setTimeout(r, 50));
    log.scanner.processAnyway();
    await until(() => expect(log.scanner.state).toBe('ready'));
    expect(current(log.scanner)).toEqual(['Neuralink', 'OpenAI', 'SpaceX']);
    expect(calls.texts.filter((t) => t.startsWith('SpaceX'))).toEqual(['SpaceX again']);
  });

  it('lets an ambiguous name count after the full name appeared in an earlier block', async () => {
    document.body.innerHTML = '<p>Elon Musk said</p><p>Later, Musk added</p>';
    const log = startScanner();
    await until(() => expect(log.scanner.state).toBe('ready'));
    expect(current(log.scanner)).toEqual(['Elon Musk', 'Musk']);
  });
});

describe('scanner: a second look for ambiguous names', () => {
  it('reads an earlier block again once the full name has been read later', async () => {
    document.body.innerHTML = '<h1>Musk says no</h1><p>Elon Musk said so on Friday.</p>';
    const log = startScanner();
    await until(() => expect(log.scanner.state).toBe('ready'));
    expect(current(log.scanner)).toEqual(['Elon Musk', 'Musk']);
    expect(log.added.map((f) => f.range.toString())).toEqual(['Elon Musk', 'Musk']);
  });

  it('reads again only the blocks the matcher left undecided', async () => {
    document.body.innerHTML =
      '<h1>Tesla says no</h1><h2>Musk says no</h2><p>Elon Musk said so on Friday.</p>';
    calls.count = 0;
    const log = startScanner();
    await until(() => expect(log.scanner.state).toBe('ready'));
    expect(current(log.scanner)).toEqual(['Elon Musk', 'Musk']);
    // Three blocks, and the one with "Musk" read a second time.
    expect(calls.count).toBe(4);
  });
});

describe('scanner: blocks of blocks the gate sees no name in', () => {
  const gate = linkGate(gateNames(prepareNames(matchData(dataset))));
  const asked: string[] = [];
  const mayName = (text: string) => {
    asked.push(text);
    return gateOpens(gate, text);
  };
  const quiet = (n: number) =>
    `<div>${Array.from({ length: n }, (_, i) => `<p>Line ${i} of <em>plain</em> prose.</p>`).join('')}</div>`;
  const PAGE =
    quiet(6) +
    '<div><p>Musk said no.</p><p>Nothing else.</p></div>' +
    '<div><p>Stoke the fire</p><p>Stoke City won</p><p>An OpenAPI schema</p></div>' +
    quiet(4) +
    // Blocks glued: the gate reads "HomeOpenAI" and "orbit.SpaceX".
    '<div><p>Home</p><p>OpenAI</p></div><section><h2>To orbit.</h2><p>SpaceX</p></section>' +
    // Glued too, where the gate would read "Muskrules" as a word: asked apart.
    '<dl><dt>Musk</dt><dd>rules</dd></dl>' +
    '<div><p hidden>Neuralink</p><p>shown</p></div>' +
    '<div><p>one</p><p id="host">light text</p></div>' +
    '<div><p>two</p><x-card>Stoke Space</x-card></div>' +
    quiet(3) +
    '<ul><li>Elon Musk</li><li>Sam Altman</li></ul>';

  async function scan(gated: boolean) {
    // One scanner at a time: the last one would read the new page too.
    abort.abort();
    abort = new AbortController();
    document.body.innerHTML = PAGE;
    const host = document.getElementById('host') as Element;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Neura<b>link</b> inside</p>';
    asked.length = 0;
    calls.count = 0;
    calls.texts = [];
    const log = startScanner(8, undefined, undefined, undefined, gated ? mayName : undefined);
    await until(() => expect(log.scanner.state).toBe('ready'));
    return { found: current(log.scanner), matched: [...calls.texts] };
  }

  it('finds what it finds without the gate, reading none of the quiet blocks', async () => {
    const plain = await scan(false);
    const gated = await scan(true);
    expect(gated.found).toEqual(plain.found);
    expect(gated.found).toEqual([
      'Elon Musk',
      'Musk',
      'Musk',
      'Neuralink',
      'OpenAI',
      'Sam Altman',
      'SpaceX',
      'Stoke Space',
    ]);
    // The three quiet blocks of blocks were asked whole, and none of their paragraphs matched.
    expect(asked).toContain(document.querySelector('div')?.textContent);
    const quietMatched = (texts: string[]) => texts.filter((t) => /^Line \d/.test(t)).length;
    expect(quietMatched(plain.matched)).toBe(13);
    expect(quietMatched(gated.matched)).toBe(0);
  });
});

describe('batched observer', () => {
  /** An observer of the document (waiting for `view`'s frames, if given), and what it hands over. */
  function watch(view: FrameView | null = null) {
    const batches: Batch[] = [];
    const observer = createBatchedObserver((b) => batches.push(b), abort.signal, view);
    observer.observe(document);
    return { batches, observer };
  }

  it('folds many mutations into one batch of owners, after the page is done', async () => {
    document.body.innerHTML = '<ul id="list"></ul><p id="t">x</p>';
    const { batches } = watch();
    const list = document.querySelector('#list') as Element;
    for (let i = 0; i < 50; i++) {
      const li = document.createElement('li');
      li.textContent = `item ${i}`;
      list.append(li);
    }
    (document.querySelector('#t')?.firstChild as Text).data = 'y';
    expect(batches).toHaveLength(0); // nothing happens inside the page's own task
    await until(() => expect(batches).toHaveLength(1));
    const [b] = batches as [Batch];
    expect(b.added).toHaveLength(50);
    // Blocks appended between blocks leave the list's own text as it was: not read again.
    expect([...b.dirty]).toEqual([document.querySelector('#t')]);
    expect(b.removed).toBe(false);
  });

  it('reads a block again when what was added joins or splits its own text', async () => {
    document.body.innerHTML = '<div id="a">Stoke <b>x</b></div><div id="b">one two</div>';
    const { batches } = watch();
    // Inline content, and a block that splits a run of text: both change the owner's runs.
    document.querySelector('#a')?.append(document.createElement('span'));
    const b = document.querySelector('#b') as Element;
    (b.firstChild as Text).splitText(3);
    await until(() => expect(batches.length).toBeGreaterThan(0));
    batches.length = 0;
    b.insertBefore(document.createElement('div'), b.lastChild);
    document.querySelector('#a')?.append(' Space');
    // A block into an empty inline element splits the run around it too.
    document.body.insertAdjacentHTML('beforeend', '<p id="c">Stoke <span></span> Space</p>');
    await until(() => expect(batches).toHaveLength(1));
    expect([...(batches[0] as Batch).dirty]).toEqual([b, document.querySelector('#a')]);
    batches.length = 0;
    document.querySelector('#c span')?.append(document.createElement('div'));
    await until(() => expect(batches).toHaveLength(1));
    expect([...(batches[0] as Batch).dirty]).toEqual([document.querySelector('#c')]);
  });

  it('tells an element leaving from text being replaced', async () => {
    document.body.innerHTML = '<p id="a">a</p><div id="b"><p>b</p></div>';
    const { batches } = watch();
    (document.querySelector('#a') as Element).textContent = 'new text';
    await until(() => expect(batches).toHaveLength(1));
    expect(batches[0]).toMatchObject({ removed: true, removedElements: false });
    document.querySelector('#b p')?.remove();
    await until(() => expect(batches).toHaveLength(2));
    expect(batches[1]).toMatchObject({ removed: true, removedElements: true });
  });

  it('does not report the changes it is told to ignore', async () => {
    document.body.innerHTML = '<p id="a">a</p><p id="b">b</p>';
    const { batches, observer: obs } = watch();
    (document.querySelector('#a')?.firstChild as Text).data = 'page edit';
    obs.quietly(() => {
      document.querySelector('#b')?.append(document.createElement('rivalry-mark'));
    });
    await until(() => expect(batches).toHaveLength(1));
    expect([...(batches[0] as Batch).dirty]).toEqual([document.querySelector('#a')]);
    expect((batches[0] as Batch).added).toEqual([]);
  });

  it('ignores changes inside skipped regions and to text outside the body', () => {
    document.body.innerHTML = '<textarea>t</textarea>';
    const ta = document.querySelector('textarea') as Element;
    const rec = { type: 'characterData', target: ta.firstChild } as unknown as MutationRecord;
    expect(fold([rec]).dirty.size).toBe(0);
  });

  /** A window whose frames run only when the test says. */
  function frameView(visibilityState: DocumentVisibilityState) {
    const frames: (FrameRequestCallback | null)[] = [];
    const view: FrameView = {
      requestAnimationFrame: (cb) => frames.push(cb),
      cancelAnimationFrame: (id) => {
        frames[id - 1] = null;
      },
      document: { visibilityState },
    };
    const runFrame = () => {
      for (const cb of frames.splice(0)) cb?.(performance.now());
    };
    return { view, frames, runFrame };
  }

  it('hands a batch over in the next frame’s callbacks, before it is drawn', async () => {
    useFakeTimeouts();
    const { view, frames, runFrame } = frameView('visible');
    const { batches } = watch(view);
    document.body.append('OpenAI');
    await advanceUntil(() => expect(frames).toHaveLength(1));
    expect(batches).toHaveLength(0);
    runFrame();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ inFrame: true, added: [document.body.lastChild] });
    // Not handed over a second time when the fallback's time comes (100 ms) or long after.
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toHaveLength(1);
  });

  it('hands it over in a task where no frame comes: a hidden page, or frames that stopped', async () => {
    const hidden = frameView('hidden');
    const { batches } = watch(hidden.view);
    document.body.append('OpenAI');
    await until(() => expect(batches).toHaveLength(1));
    expect(hidden.frames).toHaveLength(0);
    expect(batches[0]?.inFrame).toBe(false);

    const stalled = frameView('visible');
    const { batches: later } = watch(stalled.view);
    document.body.append('SpaceX');
    await until(() => expect(later).toHaveLength(1));
    expect(later[0]?.inFrame).toBe(false);
    // The frame it waited for was given up.
    expect(stalled.frames).toEqual([null]);
  });

  it('stops when aborted', async () => {
    useFakeTimeouts();
    const { batches } = watch();
    abort.abort();
    document.body.append('OpenAI');
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toHaveLength(0);
  });
});
