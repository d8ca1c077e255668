// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { WHOLE_TEXT_MAX } from '../../content/budgets';
import { collectOwn, createCollector, TEXT_CHUNK } from '../../content/read/collect-text';
import { isSkipped, ownerOf } from '../../content/read/dom-rules';
import { JOIN_MAX, LongText } from '../../content/read/long-text';
import { locate, type Run, rangeFor } from '../../content/read/run';
import { walkNested } from '../../content/read/walk-nested';
import { blocksApart, blocksText, wholeText } from '../../content/read/whole-text';
import { matchAll } from '../../content/scan/match-windows';
import { fakeMatch } from './content-helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** Every run's text, reading the page the way the scanner does (owner by owner). */
function readAll(root: Element | ShadowRoot = document.body): string[] {
  const out: string[] = [];
  const queue: (Element | ShadowRoot)[] = [root];
  while (queue.length) {
    const owner = queue.shift() as Element | ShadowRoot;
    const { runs, nested } = collectOwn(owner);
    for (const r of runs) out.push(textOf(r));
    queue.push(...nested);
  }
  return out;
}

/** The one run of `runs`, whatever its text's form. */
function theRun(runs: Run[]): Run {
  expect(runs).toHaveLength(1);
  return runs[0] as Run;
}

/** The one run of `runs`, its text one string, as every run under JOIN_MAX characters is. */
function only(runs: Run[]): Run & { text: string } {
  const run = theRun(runs);
  expect(typeof run.text).toBe('string');
  return run as Run & { text: string };
}

/** A run's whole text, one string or pieces. */
const textOf = (run: Run): string => run.text.slice(0, run.text.length);

describe('collectOwn: runs across inline elements', () => {
  it('joins a name split over inline elements into one run', () => {
    const p = page('<p>Altman met Stoke <em>Space</em> and Neura<b>link</b> staff.</p>')
      .firstElementChild as Element;
    const run = only(collectOwn(p).runs);
    expect(run.text).toBe('Altman met Stoke Space and Neuralink staff.');
    expect(run.segments.map((s) => s.node.data)).toEqual([
      'Altman met Stoke ',
      'Space',
      ' and Neura',
      'link',
      ' staff.',
    ]);
  });

  it('reads runs of white space as one character, as they render, and maps around them', () => {
    const p = page('<p>Elon\n      Musk  and <b> Stoke </b>  Space\u00a0\u00a0X</p>')
      .firstElementChild as Element;
    const run = only(collectOwn(p).runs);
    expect(run.text).toBe('Elon\nMusk and Stoke Space\u00a0\u00a0X');
    const start = run.text.indexOf('Elon');
    const range = rangeFor(run, start, start + 'Elon\nMusk'.length);
    expect(range?.toString()).toBe('Elon\n      Musk');
    const s = run.text.indexOf('Stoke');
    // The range covers the page's own text, spaces and all.
    expect(rangeFor(run, s, s + 'Stoke Space'.length)?.toString()).toBe('Stoke   Space');
  });

  it('reads <br> as a line break inside the same run', () => {
    const p = page('<p>Stoke<br>Space</p>').firstElementChild as Element;
    expect(only(collectOwn(p).runs).text).toBe('Stoke\nSpace');
  });

  it('ends a run at block elements and hands nested blocks back as owners', () => {
    const div = page('<div>Before <p>Inner SpaceX</p> after <span>OpenAI</span></div>')
      .firstElementChild as Element;
    const { runs, nested } = collectOwn(div);
    expect(runs.map((r) => r.text)).toEqual(['Before ', ' after OpenAI']);
    expect(nested).toEqual([div.querySelector('p')]);
    expect(readAll()).toEqual(['Before ', ' after OpenAI', 'Inner SpaceX']);
  });

  it('does not join text across list items or table cells', () => {
    page(
      '<ul><li>Stoke</li><li>Space</li></ul><table><tr><td>Neura</td><td>link</td></tr></table>',
    );
    expect(readAll()).toEqual(['Stoke', 'Space', 'Neura', 'link']);
  });

  it('drops whitespace-only runs', () => {
    page('<div>\n  <p>OpenAI</p>\n  </div>');
    expect(readAll()).toEqual(['OpenAI']);
  });
});

describe('collectOwn: what is never read', () => {
  it('skips form fields, editors, scripts, styles, templates, code and our UI', () => {
    page(`
      <p>Visible OpenAI</p>
      <input value="OpenAI in an input">
      <textarea>OpenAI in a textarea</textarea>
      <select><option>OpenAI option</option></select>
      <div contenteditable="true">OpenAI being edited</div>
      <div contenteditable="">OpenAI also edited</div>
      <div contenteditable="plaintext-only">OpenAI plain editor</div>
      <script>var s = "OpenAI in a script";</script>
      <style>.openai::after { content: "OpenAI" }</style>
      <template><p>OpenAI in a template</p></template>
      <noscript>OpenAI without scripts</noscript>
      <p>Install the <code>openai</code> package</p>
      <pre><code>import openai</code></pre>
      <rivalry-lens>OpenAI in our UI</rivalry-lens>
      <div hidden>OpenAI hidden</div>
    `);
    const text = readAll().join('|');
    expect(text).toContain('Visible OpenAI');
    expect(text).toContain('Install the ');
    expect(text).toContain(' package');
    for (const bad of [
      'input',
      'textarea',
      'option',
      'edited',
      'editor',
      'script',
      'content:',
      'template',
      'without scripts',
      'import openai',
      'our UI',
      'hidden',
    ]) {
      expect(text).not.toContain(bad);
    }
  });

  it('reads contenteditable="false" and prose in <pre>', () => {
    page('<div contenteditable="false">Sam Altman said</div><pre>From: a\nSpaceX launched</pre>');
    expect(readAll()).toEqual(['Sam Altman said', 'From: a\nSpaceX launched']);
  });

  it('isSkipped and ownerOf agree on skipped regions', () => {
    page('<div contenteditable><p><b>x</b></p></div><p><i>y</i></p>');
    const b = document.querySelector('b') as Element;
    const i = document.querySelector('i') as Element;
    expect(isSkipped(document.querySelector('div') as Element)).toBe(true);
    expect(ownerOf(b.firstChild as Node)).toBeNull();
    expect(ownerOf(i.firstChild as Node)).toBe(document.querySelectorAll('p')[1]);
  });
});

describe('collectOwn: open shadow roots', () => {
  it('reads an open shadow root as an owner of its own, and its blocks inside', () => {
    page('<p>Host: <x-card>light OpenAI</x-card> after</p>');
    const hostEl = document.querySelector('x-card') as Element;
    const shadow = hostEl.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<h3>Neura<b>link</b></h3><p>Elon Musk</p><slot></slot>';
    const p = document.querySelector('p') as Element;
    const { runs, nested } = collectOwn(p);
    expect(nested).toContain(shadow);
    // The light children are slotted: still read, but not joined to the host's neighbours.
    expect(runs.map((r) => r.text)).toEqual(['Host: ', 'light OpenAI', ' after']);
    expect(readAll()).toEqual(['Host: ', 'light OpenAI', ' after', 'Neuralink', 'Elon Musk']);
    expect(ownerOf(shadow.querySelector('b')?.firstChild as Node)).toBe(shadow.querySelector('h3'));
  });
});

describe('a text node longer than one chunk', () => {
  // A name across the first chunk boundary, and a run of spaces across the second.
  const head = 'x'.repeat(TEXT_CHUNK - 3);
  const middle = `${'y '.repeat(TEXT_CHUNK / 2 - 6)}z`;
  const data = `${head}\nNeuralink ${middle}      tail`;
  const collapsed = data.replace(/[ \t\n\r\f]{2,}/g, (ws) => ws[0] as string);

  it('reads as one run, white space collapsed across chunks, mapped back to the node', () => {
    const p = page('<p></p>').firstElementChild as Element;
    p.textContent = data;
    expect(data.length).toBeGreaterThan(2 * TEXT_CHUNK);
    expect(data.indexOf('      ')).toBeLessThan(2 * TEXT_CHUNK);
    expect(data.indexOf('      ') + 6).toBeGreaterThan(2 * TEXT_CHUNK);
    const run = only(collectOwn(p).runs);
    expect(run.text).toBe(collapsed);
    const at = run.text.indexOf('Neuralink');
    expect(at).toBeLessThan(TEXT_CHUNK);
    expect(rangeFor(run, at, at + 9)?.toString()).toBe('Neuralink');
    const tail = run.text.indexOf('tail');
    expect(rangeFor(run, tail, tail + 4)?.toString()).toBe('tail');
    expect(locate(run, tail, 'start')?.offset).toBe(data.indexOf('tail'));
  });

  it('is read a chunk per look at the clock, and ends as if read at once', () => {
    const p = page('<p></p>').firstElementChild as Element;
    p.textContent = data;
    const collector = createCollector(p);
    let slices = 0;
    let done = null;
    while (!done) {
      slices++;
      // No time left after the first piece of each slice.
      done = collector.step(() => false);
    }
    expect(slices).toBe(Math.ceil(data.length / TEXT_CHUNK));
    expect(done.runs.map((r) => r.text)).toEqual([collapsed]);
    expect(done.chars).toBe(data.length);
  });
});

describe('a run longer than JOIN_MAX characters', () => {
  // Single spaces (nothing collapses): the pieces are joined every four chunks of the node.
  const filler = 'the budget was discussed again, ';
  const size = 2 * JOIN_MAX + 3 * TEXT_CHUNK + 100;
  const base = filler.repeat(Math.ceil(size / filler.length)).slice(0, size);
  // Names across both joins and at the very end.
  const at = [JOIN_MAX - 4, 2 * JOIN_MAX - 6, size - 10];
  let data = base;
  // (Set off by dashes: spaces next to the filler's own would collapse and move the offsets.)
  for (const i of at) data = `${data.slice(0, i - 1)}-Neuralink-${data.slice(i + 10)}`;
  data = data.slice(0, size - 1);

  it('is kept in the chunks it was read in, never joined, and reads the same', () => {
    const p = page('<p></p>').firstElementChild as Element;
    p.textContent = data;
    const runs = collectOwn(p).runs;
    expect(runs).toHaveLength(1);
    const text = (runs[0] as Run).text;
    expect(text).toBeInstanceOf(LongText);
    expect((text as LongText).pieces.length).toBe(Math.ceil(data.length / TEXT_CHUNK));
    expect(text.length).toBe(data.length);
    expect(textOf(runs[0] as Run)).toBe(data);
  });

  it('joins many small parts into pieces of about JOIN_MAX', () => {
    const p = page('<p></p>').firstElementChild as Element;
    // Text nodes side by side, as a script makes them: 40 characters each.
    const words = Array.from(
      { length: 20_000 },
      (_, i) => `word ${String(i).padStart(8, '0')} of many nodes, `,
    );
    p.append(...words.map((w) => document.createTextNode(w)));
    const run = theRun(collectOwn(p).runs);
    expect(run.text).toBeInstanceOf(LongText);
    const { pieces } = run.text as LongText;
    expect(pieces.length).toBe(Math.ceil(words.join('').length / JOIN_MAX));
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(JOIN_MAX + 40);
    expect(textOf(run)).toBe(words.join(''));
  });

  it('gives every name, across the joins too, with its range in the node', () => {
    const p = page('<p></p>').firstElementChild as Element;
    p.textContent = data;
    const run = collectOwn(p).runs[0] as Run;
    const found = matchAll(run.text, fakeMatch, new Set());
    expect(found.map((m) => m.start)).toEqual(at);
    for (const m of found) {
      const range = rangeFor(run, m.start, m.end);
      expect(range?.toString()).toBe('Neuralink');
      expect(range?.startOffset).toBe(m.start);
    }
  });

  it('slices like the string it stands for', () => {
    let seed = 11;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const pieces = Array.from({ length: 1 + rand(5) }, (_, i) => `${i}`.repeat(rand(7)));
      const whole = pieces.join('');
      const text = new LongText(pieces);
      expect(text.length).toBe(whole.length);
      const from = rand(whole.length + 1);
      const to = from + rand(whole.length - from + 1);
      expect(text.slice(from, to), `${pieces} ${from} ${to}`).toBe(whole.slice(from, to));
    }
  });
});

describe('wholeText: a block read at once', () => {
  // Plain inline content, with white space in every arrangement the collector collapses.
  const plain = [
    'Stoke <em>Space</em> and Open<b>AI</b>',
    '  leading and trailing  ',
    'a \n\t  b<i> </i>  c',
    'a <b> </b> <i>  b</i>\n\nc',
    'x<img src="data:,">y <wbr>z',
    'Ne<a href="#">ura</a><strong>link</strong>  ',
    '<button>Follow  OpenAI</button>\u00a0 <time>now</time>',
    '',
    '   ',
    'e\u0301 Elon\n      Musk',
  ];

  it('is exactly the text the collector reads from plain inline content', () => {
    for (const html of plain) {
      const p = page(`<p>${html}</p>`).firstElementChild as Element;
      const text = wholeText(p);
      expect(text, html).not.toBeNull();
      const runs = collectOwn(p).runs.map((r) => r.text);
      // The collector drops a run of nothing but white space; so does the matcher, in effect.
      expect(runs, html).toEqual(/\S/.test(text as string) ? [text] : []);
    }
  });

  it('is refused where the collector reads otherwise: breaks, blocks, skipped parts, hosts', () => {
    const refused = [
      'a<br>b',
      'a<div>b</div>',
      'a<span>b</span>',
      'a<code>b</code>',
      'a<b hidden>b</b>',
      'a<i contenteditable>b</i>',
      'a<x-widget>b</x-widget>',
      'a<svg><text>b</text></svg>',
      'a<input value="b">',
    ];
    for (const html of refused) {
      expect(wholeText(page(`<div>${html}</div>`).firstElementChild as Element), html).toBeNull();
    }
    const host = page('<div>plain text</div>').firstElementChild as Element;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>OpenAI</p>';
    expect(wholeText(host)).toBeNull();
    const long = page(`<p>${'w'.repeat(WHOLE_TEXT_MAX + 1)}</p>`).firstElementChild as Element;
    expect(wholeText(long)).toBeNull();
    const longer = page(`<p><b>${'w'.repeat(WHOLE_TEXT_MAX + 1)}</b></p>`).firstElementChild;
    expect(wholeText(longer as Element)).toBeNull();
    const many = page(`<p>${'<b>w</b>'.repeat(300)}</p>`).firstElementChild as Element;
    expect(wholeText(many)).toBeNull();
    // Text nodes side by side (a script's work; the hostile page has a million of them).
    const split = page('<p></p>').firstElementChild as Element;
    split.append('Open', 'AI', ' said');
    expect(wholeText(split)).toBeNull();
  });
});

describe('blocksText: a block of blocks read at once, for the gate', () => {
  const first = (html: string) => page(html).firstElementChild as Element;

  it('is the text of a block and of the plain blocks that are its children', () => {
    const taken = [
      '<div>Intro <p>One <b>two</b></p>\n<p>three</p><h2>Head</h2>tail</div>',
      '<ul><li>SpaceX</li><li><a href="#">Open</a> AI</li></ul>',
      '<section><header>By</header><article>x</article><footer>y</footer></section>',
      '<div><p>a</p><p></p></div>',
      // Parts the reader passes over only add to what the gate is asked: no reason to refuse.
      '<div><p hidden>a</p><p contenteditable>b</p><div>c</div></div>',
    ];
    for (const html of taken) {
      const el = first(html);
      expect(blocksText(el), html).toBe(el.textContent);
    }
  });

  it('is refused where the text would leave out what the reader reads, or take long to copy', () => {
    const refused = [
      '<div>only text</div>',
      '<div><p>a</p><br></div>',
      '<div><p>a<br>b</p></div>',
      '<div><section><p>a</p></section></div>',
      '<section><header>By</header><article><p>x</p></article></section>',
      '<div><a href="#"><p>a</p></a></div>',
      '<div><a href="#">a</a><p>b</p></div>',
      '<div><p><span>a</span></p></div>',
      '<div><p>a</p><x-widget>b</x-widget></div>',
      '<div><p>a <x-name>b</x-name></p></div>',
      '<div><p>a</p><code>b</code></div>',
      '<div><table><tr><td>a</td></tr></table></div>',
      '<div><p>a</p><pre>b</pre></div>',
      `<div>${'<p>a</p>'.repeat(65)}</div>`,
      `<div><p>a</p><p>${'w'.repeat(WHOLE_TEXT_MAX + 1)}</p></div>`,
      `<div><p>a</p><p><b>${'w'.repeat(WHOLE_TEXT_MAX)}</b>w</p></div>`,
    ];
    for (const html of refused) expect(blocksText(first(html)), html.slice(0, 60)).toBeNull();
    // Paragraphs and headings hold no blocks as HTML is parsed: never asked.
    expect(blocksText(first('<p>a <b>b</b></p>'))).toBeNull();
    expect(blocksText(first('<h3>a <b>b</b></h3>'))).toBeNull();
    // A shadow root's text is not in the host's: the owner or a block in it a host.
    const host = first('<div><p>a</p></div>');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>OpenAI</p>';
    expect(blocksText(host)).toBeNull();
    const inner = first('<div><p>a</p><div>b</div></div>');
    (inner.lastElementChild as Element).attachShadow({ mode: 'open' }).innerHTML = 'OpenAI';
    expect(blocksText(inner)).toBeNull();
    // Text nodes side by side in a block (a script's work; the hostile page has a million).
    const split = first('<div><p>a</p><p></p></div>');
    (split.lastElementChild as Element).append('Open', 'AI');
    expect(blocksText(split)).toBeNull();
  });

  it('reads the blocks apart: as they are where white space parts them, else one to a line', () => {
    const spaced = first('<div>\n  <h3>Elon Musk</h3>\n  <p>said <b>so</b></p>\n</div>');
    const all = blocksText(spaced) as string;
    expect(blocksApart(spaced, all)).toBe(all);
    for (const html of [
      '<div><h3>Elon Musk</h3><p>said <b>so</b></p></div>',
      '<div><h3>Elon Musk</h3><!-- --><p>said <b>so</b></p></div>',
      '<div><h3>Elon Musk</h3>\n<p>said <b>so</b></p></div>',
    ]) {
      const glued = first(html);
      const text = blocksText(glued) as string;
      // In the first two the blocks meet with nothing between them, and only there.
      const apart = html.includes('\n') ? text : 'Elon Musk\nsaid so';
      expect(blocksApart(glued, text), html).toBe(apart);
    }
    // Text of the owner's own beside its blocks: its runs are read apart from theirs.
    for (const html of ['<div>Musk<p>said</p></div>', '<div><p>a</p> Musk <p>said</p></div>']) {
      const owned = first(html);
      expect(blocksApart(owned, blocksText(owned) as string), html).toBeNull();
    }
  });
});

describe('offset map', () => {
  it('maps run offsets back to text nodes, on both sides of element boundaries', () => {
    const p = page('<p>Met Neura<b>link</b> and Stoke<br>Space.</p>').firstElementChild as Element;
    const run = only(collectOwn(p).runs);
    const start = run.text.indexOf('Neuralink');
    const a = locate(run, start, 'start');
    const b = locate(run, start + 'Neuralink'.length, 'end');
    expect(a?.node.data).toBe('Met Neura');
    expect(a?.offset).toBe(4);
    // An end exactly at a node boundary stays in the node before it.
    expect(b?.node.data).toBe('link');
    expect(b?.offset).toBe(4);
    const range = rangeFor(run, start, start + 9);
    expect(range?.toString()).toBe('Neuralink');

    const s = run.text.indexOf('Stoke');
    const r2 = rangeFor(run, s, s + 'Stoke\nSpace'.length);
    if (!r2) throw new Error('no range');
    expect(r2.startContainer).toBe(run.segments[2]?.node);
    expect(r2.toString()).toBe('StokeSpace'); // the <br> has no text of its own
    expect((r2.endContainer as Text).data).toBe('Space.');
  });

  it('moves a start on a separator forward and an end on a separator back', () => {
    const p = page('<p>a<br>b</p>').firstElementChild as Element;
    const run = only(collectOwn(p).runs);
    expect(run.text).toBe('a\nb');
    expect(locate(run, 1, 'start')).toMatchObject({ offset: 0 });
    expect(locate(run, 1, 'start')?.node.data).toBe('b');
    expect(locate(run, 2, 'end')?.node.data).toBe('a');
    expect(locate(run, 2, 'end')?.offset).toBe(1);
  });

  it('refuses a range over text that has changed since it was read', () => {
    const p = page('<p>OpenAI</p>').firstElementChild as Element;
    const run = only(collectOwn(p).runs);
    (p.firstChild as Text).data = 'Op';
    expect(rangeFor(run, 0, 6)).toBeNull();
  });
});

describe('walkNested: the owners inside an owner, without a list', () => {
  it('finds them in the collector’s order: blocks, shadow roots of inline hosts, then its own', () => {
    const body = page(
      '<div id="o">a<p id="p1">1</p><span>b<x-c id="h">light<p id="p2">2</p></x-c></span>' +
        '<code><p>never</p></code><section id="s"><p>deeper</p></section></div>',
    );
    const o = body.querySelector('#o') as Element;
    const inline = (body.querySelector('#h') as Element).attachShadow({ mode: 'open' });
    const own = o.attachShadow({ mode: 'open' });
    // The collector's count (all in one step), then the walk it leads (collectOwn runs both).
    expect(createCollector(o).step(() => true)?.nested).toBe(4);
    const { nested } = collectOwn(o);
    const id = (n: Element | ShadowRoot) => (n.nodeType === 11 ? 'shadow' : (n as Element).id);
    expect(nested.map(id)).toEqual(['p1', 'shadow', 'p2', 's', 'shadow']);
    expect(nested[1]).toBe(inline);
    expect(nested[4]).toBe(own);
  });

  it('looks at the clock while it walks a long stretch of inline content', () => {
    const spans = '<span>word </span>'.repeat(2000);
    const o = page(`<div>${spans}<p id="end">end</p></div>`).firstElementChild as Element;
    const walk = walkNested(o, 1);
    expect(walk.next(() => false)).toBeUndefined();
    expect(walk.next(() => true)).toBe(o.querySelector('#end'));
    expect(walk.next(() => true)).toBeNull();
  });

  it('starts again, to the end, when the page takes away the node it was to go on from', () => {
    const o = page('<div><p id="a">a</p><p id="b">b</p><p id="c">c</p><p id="d">d</p></div>')
      .firstElementChild as Element;
    const walk = walkNested(o, 4);
    const ids: string[] = [];
    const take = () => {
      const n = walk.next(() => true);
      ids.push(n ? (n as Element).id : 'end');
    };
    take();
    take();
    o.querySelector('#c')?.remove(); // the next to look at
    for (let i = 0; i < 4; i++) take();
    // From the start again (the scanner passes over what it read), and past the count of four.
    expect(ids).toEqual(['a', 'b', 'a', 'b', 'd', 'end']);
  });
});
