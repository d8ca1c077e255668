// @vitest-environment happy-dom
/**
 * Stage one's watch (content/gate-watch.ts) with the real gate: it opens once a name could be
 * on the page, from the body's text, a shadow root, or a change, and never for text the reader
 * never reads (scripts, code).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_CHILDREN, partsOf, proseOf, watchForNames } from '../../content/gate-watch';
import { LOOK_DELAYS_MS } from '../../content/scan/late-hosts';
import { gateNames, gateOpens, linkGate } from '../../core/gate';
import { matchData } from '../../core/match-data';
import { prepareNames } from '../../core/prepare-names';
import { dataset } from '../../core/rivalry-data';

const gate = linkGate(gateNames(prepareNames(matchData(dataset))));

let abort: AbortController;
let open: ReturnType<typeof vi.fn<() => void>>;
let asked: string[];

function watch() {
  return watchForNames({
    doc: document,
    signal: abort.signal,
    mayName: (text, from, to) => {
      asked.push(from === 0 && to >= text.length ? text : `${text.slice(from, to)}…`);
      return gateOpens(gate, text, from, to);
    },
    open,
  });
}

/** Lets the watch's observer and its task run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  abort = new AbortController();
  open = vi.fn();
  asked = [];
  document.body.innerHTML = '';
});
afterEach(() => {
  abort.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('watchForNames', () => {
  it('opens at once when the body names one, in markup that splits it', () => {
    document.body.innerHTML = '<p>Rockets: Space<b>X</b> and <i>Stoke</i> <i>Space</i>.</p>';
    watch();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('stays shut on a page with none, reading its text part by part', async () => {
    document.body.innerHTML =
      '<h1>Open questions</h1><ul><li>Storage</li><li>Spaces</li></ul><p>A sample survey.</p>';
    watch();
    await settle();
    expect(open).not.toHaveBeenCalled();
    // Part by part, and where each meets the one before (a name may run across two).
    expect(asked).toEqual([
      'Open questions',
      'Open questions…',
      'StorageSpaces',
      'Open questionsStorageSpaces…',
      'A sample survey.',
    ]);
  });

  it('finds a name at the end of a part that a lower-case word follows', () => {
    // Glued, "Musksaid" would be the start of a word, not the name the reader reads in its block.
    expect(gateOpens(gate, 'Musksaid so.')).toBe(false);
    document.body.innerHTML = '<h2>Musk</h2><p>said so.</p>';
    watch();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('reads the body in parts, down a chain of wrappers to one huge text node itself', () => {
    document.body.innerHTML = 'Before<main><pre>one long text</pre></main>after';
    const parts = partsOf(document.body);
    expect(parts.map((n) => n.nodeName)).toEqual(['#text', '#text', '#text']);
    expect(parts.map((n) => proseOf(n))).toEqual(['Before', 'one long text', 'after']);
    document.body.innerHTML = '<h1>Title</h1><p>One</p><p>Two</p>';
    expect(partsOf(document.body).map((n) => n.nodeName)).toEqual(['H1', 'P', 'P']);
  });

  // Paragraphs of 60,000 text nodes, which happy-dom takes seconds to make on a busy machine.
  it('opens, unread, on a part of more children than one call should join', async () => {
    // A paragraph of text nodes made by script, with no name in it: at the limit it is read…
    const words = ['the ', 'budget ', 'was ', 'discussed '];
    const paragraph = (n: number) => {
      const p = document.createElement('p');
      p.append(...Array.from({ length: n }, (_, i) => words[i % words.length] as string));
      return p;
    };
    // After a heading, so that it is a part of its own, read whole.
    document.body.innerHTML = '<h1>Minutes</h1>';
    document.body.append(paragraph(MAX_CHILDREN));
    const first = watch();
    await vi.waitFor(() => expect(first.readOnce).toBe(true));
    expect(open).not.toHaveBeenCalled();
    expect(asked.some((t) => t.startsWith('the budget was discussed the budget'))).toBe(true);

    // …one more child, and the gate opens without asking: the reader, which pauses on such an
    // owner, takes the page.
    abort.abort();
    abort = new AbortController();
    open = vi.fn();
    asked = [];
    document.body.replaceChildren(paragraph(MAX_CHILDREN + 1));
    expect(proseOf(document.body.firstChild as Element)).toBeNull();
    watch();
    expect(open).toHaveBeenCalledTimes(1);
    expect(asked).toEqual([]);

    // Down a chain of single wrappers in a part of its own (`<main><p>…`), as well.
    abort.abort();
    abort = new AbortController();
    open = vi.fn();
    document.body.innerHTML = '<h1>Minutes</h1><main><div></div></main><footer>End</footer>';
    document.querySelector('main div')?.append(paragraph(MAX_CHILDREN + 1));
    watch();
    expect(open).toHaveBeenCalledTimes(1);
    expect(asked).toEqual(['Minutes']);

    // The body itself as that paragraph: one part, not a part per child.
    const moved = paragraph(MAX_CHILDREN + 1);
    document.body.replaceChildren();
    while (moved.firstChild) document.body.appendChild(moved.firstChild);
    const parts = partsOf(document.body);
    expect(parts.length).toBe(1);
    expect(parts[0]).toBe(document.body);
  }, 30_000);

  // Paragraphs of 60,000 text nodes, which happy-dom takes seconds to make on a busy machine.
  it('opens, unread, on a change beside a part grown too big, or on such a part added', async () => {
    const children = (n: number) => Array.from({ length: n }, () => 'x ');
    for (const side of ['before', 'after'] as const) {
      abort.abort();
      abort = new AbortController();
      open = vi.fn();
      document.body.innerHTML = '<section><h2>Notes</h2><div id="big"></div><p>End.</p></section>';
      const big = document.getElementById('big') as HTMLElement;
      big.append(...children(MAX_CHILDREN));
      const first = watch();
      await vi.waitFor(() => expect(first.readOnce).toBe(true));
      expect(open).not.toHaveBeenCalled();
      // Grown past the limit by a change inside it: the text around that change is read…
      big.append('x ');
      await settle();
      expect(open).not.toHaveBeenCalled();
      // …and a change beside it would have to read it whole.
      big[side](document.createElement('b'));
      await settle();
      expect(open).toHaveBeenCalledTimes(1);
    }

    abort.abort();
    abort = new AbortController();
    open = vi.fn();
    document.body.innerHTML = '<section><p>Quiet.</p></section>';
    watch();
    await settle();
    expect(open).not.toHaveBeenCalled();
    const added = document.createElement('div');
    added.append(...children(MAX_CHILDREN + 1));
    document.querySelector('section')?.append(added);
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
  }, 30_000);

  it('finds a name that runs from one part of the body into the next', () => {
    document.body.innerHTML = '<span>Neura</span><span>link</span>';
    expect(gateOpens(gate, 'Neura') || gateOpens(gate, 'link')).toBe(false);
    watch();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('leaves out the text of scripts, styles and code, which the reader never reads', async () => {
    document.body.innerHTML =
      '<p>Plain prose.</p><script>new XMLHttpRequest(); // OpenAI</script>' +
      '<style>.x::after { content: "SpaceX"; }</style><p>Use <code>openai.chat()</code> here.</p>';
    watch();
    await settle();
    expect(open).not.toHaveBeenCalled();
    // Each as a line end, where the reader ends a run.
    expect(proseOf(document.body)).toBe('Plain prose.\n\nUse \n here.');
  });

  it('reads a line break as a line end, as the reader does, not as nothing', () => {
    // "Twitter" then "and": glued, the lower-case word would make it the start of a word.
    document.body.innerHTML =
      '<h1>Clips</h1><p>The clip was first posted on <b>Twitter</b><br>and went viral.</p>';
    watch();
    expect(open).toHaveBeenCalledTimes(1);
    expect(proseOf(document.querySelector('p') as Element)).toBe(
      'The clip was first posted on Twitter\nand went viral.',
    );
  });

  it('leaves out hidden and editable parts, as the reader does', async () => {
    document.body.innerHTML =
      '<p>Prose.</p><div hidden>OpenAI</div><div contenteditable="true">SpaceX</div>' +
      '<div contenteditable="false">Nothing</div>';
    watch();
    await settle();
    expect(open).not.toHaveBeenCalled();
  });

  it('opens when a part stops being hidden or editable', async () => {
    document.body.innerHTML =
      '<p>Intro. <span hidden id="h">Neuralink implanted its first chip.</span></p>' +
      '<div><span contenteditable id="e">Stoke Space raised more.</span></div>';
    watch();
    await settle();
    expect(open).not.toHaveBeenCalled();
    document.getElementById('e')?.setAttribute('contenteditable', 'true');
    await settle();
    expect(open).not.toHaveBeenCalled();
    document.getElementById('h')?.removeAttribute('hidden');
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('reads a run of white space between two parts as one space, as the reader does', async () => {
    // Indentation in a page's source between two inline elements, longer than the text asked
    // around a seam.
    const gap = `\n${' '.repeat(70)}`;
    document.body.innerHTML = `<p><span>Open</span>${gap}<span>AI</span> said</p>`;
    watch();
    expect(open).toHaveBeenCalledTimes(1);

    abort.abort();
    abort = new AbortController();
    open = vi.fn();
    document.body.innerHTML = `<p><span>Neura</span>${gap}<span id="s">..</span></p>`;
    watch();
    await settle();
    expect(open).not.toHaveBeenCalled();
    (document.getElementById('s') as HTMLElement).textContent = 'link';
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens when text deep in inline markup completes a name', async () => {
    const depth = 12;
    document.body.innerHTML = `<p><b>Neura</b>${'<span>'.repeat(depth)}<i id="i">..</i>${'</span>'.repeat(depth)}</p>`;
    watch();
    await settle();
    expect(open).not.toHaveBeenCalled();
    (document.getElementById('i') as HTMLElement).textContent = 'link';
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens when the page adds a name, edits one in, or completes one beside its text', async () => {
    document.body.innerHTML = '<p id="p">Then Space</p><p id="q">Nothing yet</p>';
    watch();
    await settle();
    expect(open).not.toHaveBeenCalled();

    // "X" added beside "Space": the name is the two together.
    const b = document.createElement('b');
    b.textContent = 'X';
    document.getElementById('p')?.append(b);
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens when text is edited into a name', async () => {
    document.body.innerHTML = '<p id="q">Nothing yet</p>';
    watch();
    await settle();
    const text = document.getElementById('q')?.firstChild as Text;
    text.data = 'Neuralink said';
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens when a removal joins a name at the end of its parent', async () => {
    document.body.innerHTML = '<p id="p"><b>Neura<i id="i">zz</i></b>link trial</p>';
    watch();
    await settle();
    expect(open).not.toHaveBeenCalled();
    document.getElementById('i')?.remove();
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens when a removal joins a name', async () => {
    document.body.innerHTML = '<p>Open<span id="s">ing hours for </span>AI</p>';
    watch();
    await settle();
    expect(open).not.toHaveBeenCalled();
    document.getElementById('s')?.remove();
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('ignores what a page adds to its scripts', async () => {
    document.body.innerHTML = '<p>Prose.</p>';
    watch();
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = '{"company":"OpenAI"}';
    document.body.append(script);
    await settle();
    expect(open).not.toHaveBeenCalled();
  });

  it('reads open shadow roots, and one attached late', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<news-card></news-card><late-card></late-card>';
    const card = document.querySelector('news-card') as HTMLElement;
    card.attachShadow({ mode: 'open' }).innerHTML = '<p>Nothing here.</p>';
    watch();
    await vi.advanceTimersByTimeAsync(10);
    expect(asked).toContain('Nothing here.');
    expect(open).not.toHaveBeenCalled();
    // A component defined later attaches its root without any mutation record.
    const late = document.querySelector('late-card') as HTMLElement;
    late.attachShadow({ mode: 'open' }).innerHTML = '<p>Sam Altman said</p>';
    await vi.advanceTimersByTimeAsync((LOOK_DELAYS_MS[0] as number) + 10);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('reads the late shadow root of a custom element the page adds', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<div id="c"></div>';
    watch();
    await vi.advanceTimersByTimeAsync(10);
    (document.getElementById('c') as HTMLElement).innerHTML = '<tweet-card>loading</tweet-card>';
    await vi.advanceTimersByTimeAsync(10);
    expect(open).not.toHaveBeenCalled();
    // Its definition arrives later and attaches the root, with no mutation record.
    const card = document.querySelector('tweet-card') as HTMLElement;
    card.attachShadow({ mode: 'open' }).innerHTML = '<p>Elon Musk posted</p>';
    await vi.advanceTimersByTimeAsync((LOOK_DELAYS_MS.at(-1) as number) + 10);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens for a name added inside a shadow root it read', async () => {
    document.body.innerHTML = '<news-card></news-card>';
    const root = (document.querySelector('news-card') as HTMLElement).attachShadow({
      mode: 'open',
    });
    root.innerHTML = '<p>Nothing here.</p>';
    watch();
    await settle();
    root.append(document.createTextNode(' Elon Musk wrote.'));
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('asks a long text in pieces, across tasks, and says when it has read it all', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<p>${'quiet prose, '.repeat(20_000)}</p>`;
    // Every look at the clock a slice later: one piece per task.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 100));
    const w = watch();
    // The popup is told "loading" until then (entrypoints/content.ts).
    expect(w.readOnce).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(w.readOnce).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    expect(asked.length).toBeGreaterThan(2);
    expect(w.readOnce).toBe(true);
    expect(open).not.toHaveBeenCalled();
  });

  it('stops when its signal is aborted', async () => {
    document.body.innerHTML = '<p>Quiet.</p>';
    watch();
    abort.abort();
    document.body.append('OpenAI');
    await settle();
    expect(open).not.toHaveBeenCalled();
  });
});
