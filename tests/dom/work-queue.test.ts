// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollector } from '../../content/read/collect-text';
import type { ReadRoot } from '../../content/read/dom-rules';
import { walkNested } from '../../content/read/walk-nested';
import { createWorkQueue, type WorkQueue } from '../../content/scan/work-queue';
import { always, never, page } from './part-helpers';

let read: Set<ReadRoot>;
let shadows: ShadowRoot[];
let gone: ReadRoot[];
let queue: WorkQueue;

beforeEach(() => {
  read = new Set();
  shadows = [];
  gone = [];
  queue = createWorkQueue({
    isRead: (owner) => read.has(owner),
    onShadowRoot: (root) => shadows.push(root),
    onGone: (owner) => gone.push(owner),
  });
});
afterEach(() => {
  document.body.innerHTML = '';
});

/** Takes owners until none waits, as the scanner does, marking each read. */
function drain(): ReadRoot[] {
  const out: ReadRoot[] = [];
  for (let owner = queue.next(always); owner; owner = queue.next(always)) {
    read.add(owner);
    out.push(owner);
  }
  return out;
}

/** The nested walk of `owner`, with the count its collector gives. */
function nestedOf(owner: ReadRoot) {
  const collected = createCollector(owner).step(always);
  if (!collected) throw new Error('not read in one step');
  return walkNested(owner, collected.nested);
}

const label = (owner: ReadRoot) =>
  owner.nodeType === Node.DOCUMENT_FRAGMENT_NODE
    ? `shadow of ${(owner as ShadowRoot).host.id}`
    : (owner as Element).id;

describe('work queue', () => {
  it('gives the urgent queue first, in the order queued, then the idle stack', () => {
    const $ = page('<p id="a">a</p><p id="b">b</p><p id="c">c</p><p id="d">d</p>');
    queue.add($('a'), false);
    queue.add($('b'), false);
    queue.add($('c'), true);
    queue.add($('d'), true);
    expect(queue.urgent()).toBe(true);
    // The idle stack is taken last in, first out (depth first: see the module).
    expect(drain().map(label)).toEqual(['c', 'd', 'b', 'a']);
    expect(queue.pending()).toBe(false);
    expect(queue.next(always)).toBeNull();
  });

  it('reads an owner queued both idle and urgent once, in either order', () => {
    const $ = page('<p id="a">a</p><p id="b">b</p>');
    queue.add($('a'), false);
    queue.add($('a'), true);
    queue.add($('b'), true);
    queue.add($('b'), false);
    queue.add($('b'), true);
    expect(drain().map(label)).toEqual(['a', 'b']);
  });

  it('walks nested owners in document order, passing over those read or queued', () => {
    const $ = page(
      '<div id="top">' +
        '<p id="p1">one</p><span id="host">x</span><div id="d">two<p id="p2">in</p></div>' +
        '<p id="p3">three</p><p id="p4">four</p>' +
        '</div>',
    );
    const shadow = $('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>shadow text</p>';

    const all = nestedOf($('top'));
    const walked: string[] = [];
    for (let n = all.next(always); n; n = all.next(always)) walked.push(label(n));
    // One level: the blocks of `d` are its own nested owners.
    expect(walked).toEqual(['p1', 'shadow of host', 'd', 'p3', 'p4']);

    read.add($('p1'));
    queue.add($('p3'), false);
    queue.addNested(nestedOf($('top')));
    expect(drain().map(label)).toEqual(['shadow of host', 'd', 'p4', 'p3']);
    expect(shadows).toEqual([shadow]);
  });

  it('hands an owner that left the page before its turn to onGone', () => {
    const $ = page('<p id="a">a</p><p id="b">b</p>');
    const a = $('a');
    queue.add(a, true);
    queue.add($('b'), false);
    a.remove();
    expect(drain().map(label)).toEqual(['b']);
    expect(gone).toEqual([a]);
  });

  it('passes over a nested owner that left the page', () => {
    const $ = page('<div id="top"><p id="p1">one</p><p id="p2">two</p></div>');
    queue.addNested(nestedOf($('top')));
    $('p1').remove();
    expect(drain().map(label)).toEqual(['p2']);
  });

  it('forgets everything on clear', () => {
    const $ = page('<div id="top"><p id="p1">one</p></div><p id="a">a</p>');
    queue.add($('a'), true);
    queue.add($('top'), false);
    queue.addNested(nestedOf($('top')));
    queue.clear();
    expect(queue.pending()).toBe(false);
    expect(queue.urgent()).toBe(false);
    expect(queue.next(always)).toBeNull();
    // What was queued before can be queued again.
    queue.add($('a'), false);
    expect(drain().map(label)).toEqual(['a']);
  });

  it('answers undefined when out of time in the middle of a walk, and goes on after', () => {
    // More inline nodes before the first block than a walk passes between looks at the clock.
    const spans = '<span>x</span>'.repeat(2000);
    const $ = page(`<div id="top">${spans}<p id="p1">one</p></div>`);
    queue.addNested(nestedOf($('top')));
    expect(queue.next(never)).toBeUndefined();
    expect(queue.pending()).toBe(true);
    expect(drain().map(label)).toEqual(['p1']);
  });
});
