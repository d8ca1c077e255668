/**
 * Stage one: the page's text asked of the gate (core/gate.ts) before the reader is loaded. The
 * body's text is taken part by part, then every shadow root's (open, or closed on a custom
 * element), then what the page changes, parts that stop being hidden or editable included; as
 * soon as a name could be there, or a part has too many children to read in one call
 * (`MAX_CHILDREN`), `open` is called once and the watch ends. The reader then reads the page
 * itself, from the start.
 *
 * Text is asked in pieces with a look at the clock between them, so a page of megabytes of text
 * makes no long task of ours; changes are asked with the text around them, since a name may be
 * completed by what is added next to it ("Space" + "X").
 */
import { DEFAULT_LIMIT_OWNER_NODES, SLICE_BUDGET_MS } from './budgets';
import { isWs, SKIP_SELECTOR } from './read/dom-rules';
import { shadowOf } from './read/shadow';
import { createLateHosts } from './scan/late-hosts';

export interface GateWatchOptions {
  doc: Document;
  signal: AbortSignal;
  /** Whether a name could start in `text` at an offset in `[from, to)`. */
  mayName(text: string, from: number, to: number): boolean;
  /** A name could be on the page. */
  open(): void;
}

/** Characters asked of the gate between two looks at the clock. */
const PIECE_CHARS = 64 * 1024;
/** Elements walked (for shadow roots) between two looks at the clock. */
const ELEMENTS_PER_CHECK = 512;
/** Text read on each side of a change: longer than any name. */
const AROUND_CHARS = 64;
/** How many parents up the text around a change is looked for. */
const AROUND_LEVELS = 32;
/** How deep a chain of single wrappers is followed for the body's parts. */
const CHAIN_DEPTH = 32;
/**
 * Child nodes past which a part's text is not joined in one call (a paragraph of a million text
 * nodes made by script: 20 ms and more for `textContent`, which no slicing can shorten). The
 * reader pauses on such an owner anyway (`DEFAULT_LIMIT_OWNER_NODES`), so the gate opens there
 * and the reader, which reads in slices and tells the popup, takes the page.
 */
export const MAX_CHILDREN = DEFAULT_LIMIT_OWNER_NODES;

/**
 * Whether `node` has more than `MAX_CHILDREN` children: counted up to the limit only, where
 * `length` would walk every child.
 */
function overLimit(node: Element | ShadowRoot): boolean {
  return node.childNodes.item(MAX_CHILDREN) != null;
}

/** Whether `node`, or its only element child down a chain of them (`main > p`), is `overLimit`. */
function tooManyChildren(node: Element | ShadowRoot): boolean {
  let at: Element | ShadowRoot | null = node;
  for (let depth = 0; at && depth <= CHAIN_DEPTH; depth++) {
    if (overLimit(at)) return true;
    at = at.childElementCount === 1 ? at.firstElementChild : null;
  }
  return false;
}

/** The attributes that make a part read or not read (see `CUT`). */
const CUT_ATTRIBUTES = ['hidden', 'contenteditable'];

const OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributeFilter: CUT_ATTRIBUTES,
};

/**
 * Where the reader ends a run of text and reads nothing: the elements never read (scripts,
 * styles, code…, `SKIP_SELECTOR`), hidden and editable ones, and line breaks, which it reads as
 * a line end. Their text would only open the gate for nothing ("XMLHttpRequest").
 */
const CUT = `${SKIP_SELECTOR},br,[hidden],[contenteditable]:not([contenteditable="false" i])`;

/** Whether `node` is one of the `CUT` elements. */
function isCut(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).matches(CUT);
}

/**
 * The text of `node` that the reader could read: its `textContent` with each `CUT` element as a
 * line end, as the reader ends a run there ("posted on Twitter<br>and" is two lines, not
 * "Twitterand"). Cut with a range between them, which reads no node one by one. Null for a
 * node of too many children (`tooManyChildren`), which is not read.
 */
export function proseOf(node: Node): string | null {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (isCut(node)) return '\n';
  // One text node inside: its own string, with no copy of it (a page of one huge text node).
  const only = node.firstChild;
  if (only && only === node.lastChild && only.nodeType === Node.TEXT_NODE)
    return (only as Text).data;
  const parent = node as Element | ShadowRoot;
  if (!('querySelectorAll' in parent)) return '';
  if (tooManyChildren(parent)) return null;
  const cuts = parent.querySelectorAll(CUT);
  if (cuts.length === 0) return parent.textContent ?? '';
  const range = (node.ownerDocument ?? (node as Document)).createRange();
  range.selectNodeContents(parent);
  const parts: string[] = [];
  let last: Element | null = null;
  for (const el of cuts) {
    // One inside another was cut out with it.
    if (last?.contains(el)) continue;
    last = el;
    range.setEndBefore(el);
    parts.push(range.toString());
    range.setStartAfter(el);
  }
  range.setEnd(parent, parent.childNodes.length);
  parts.push(range.toString());
  return parts.join('\n');
}

/**
 * The parts of the body whose text is asked one after the other: its children, or, down a chain
 * of elements that each hold one element (`body > main > pre`), the children where the chain
 * ends, with the text beside the chain in its place. Reading the body's text whole would copy
 * all of it in one call (tens of milliseconds for megabytes); parts are read with a look at the
 * clock between them.
 */
export function partsOf(el: Element, out: Node[] = [], depth = 0): Node[] {
  // Too many children to hold one by one: one part, which `proseOf` does not read.
  if (overLimit(el)) {
    out.push(el);
    return out;
  }
  const chain = el.childElementCount === 1 && depth < CHAIN_DEPTH ? el.firstElementChild : null;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n === chain && !isCut(chain) && !shadowOf(chain)) partsOf(chain, out, depth + 1);
    else out.push(n);
  }
  return out;
}

/** Whether `node` is in a `CUT` element (or, an element, is one). */
function inCut(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest(CUT) != null;
}

/** `node`'s text with the text around it; null where a part of it is not read (`proseOf`). */
function aroundAndOwn(node: Node): string | null {
  const before = around(node, false);
  if (before === null) return null;
  const own = proseOf(node);
  if (own === null) return null;
  const after = around(node, true);
  return after === null ? null : before + own + after;
}

/**
 * The first (or last) `n` characters of `text` with each run of white space as one: the reader
 * collapses the indentation between two inline elements of a page's source to one space, so
 * "Open" and "AI" sixty-four spaces apart are a name to it.
 */
function edgeOf(text: string, n: number, last: boolean): string {
  const out: string[] = [];
  let prevSpace = false;
  for (let k = 0; k < text.length && out.length < n; k++) {
    const i = last ? text.length - 1 - k : k;
    const c = text.charCodeAt(i);
    const space = isWs(c);
    if (!(space && prevSpace)) out.push(text[i] as string);
    prevSpace = space;
  }
  if (last) out.reverse();
  return out.join('');
}

/**
 * The start (or end) of `a` then `b`, `AROUND_CHARS` long, white space collapsed: each is cut
 * first, as a string joined whole to a huge part would be copied whole when first read.
 */
function joined(a: string, b: string, last: boolean): string {
  return edgeOf(edgeOf(a, AROUND_CHARS, last) + edgeOf(b, AROUND_CHARS, last), AROUND_CHARS, last);
}

/**
 * The text up to `AROUND_CHARS` before (or after) `node` in document order; null where a
 * sibling on the way is not read (`proseOf`).
 */
function around(node: Node, after: boolean): string | null {
  let out = '';
  let cur: Node | null = node;
  let levels = 0;
  while (cur && out.length < AROUND_CHARS) {
    const next: Node | null = after ? cur.nextSibling : cur.previousSibling;
    if (next) {
      const text = proseOf(next);
      if (text === null) return null;
      out = after ? joined(out, text, false) : joined(text, out, true);
      cur = next;
    } else {
      cur = cur.parentNode;
      if (!cur || cur.nodeType !== Node.ELEMENT_NODE || ++levels > AROUND_LEVELS) break;
    }
  }
  return out;
}

export interface GateWatch {
  /** Whether the page as it was first found has been read whole (the body, its shadow roots). */
  readonly readOnce: boolean;
}

export function watchForNames(o: GateWatchOptions): GateWatch {
  const done = new AbortController();
  const stop = () => done.abort();
  o.signal.addEventListener('abort', stop, { once: true });

  /**
   * What to ask, in order: texts (of a change, with the text around it; of a shadow root), and
   * parts of the body (`partsOf`), read when their turn comes, each after the end of the one
   * before it (a name may run from one into the next); null for a text not read (`proseOf`),
   * which opens the gate.
   */
  const texts: (string | Node | null)[] = [];
  /** The text being asked, how far, and the end of the last part of the body asked. */
  let current: string | null = null;
  let at = 0;
  let tail = '';
  /** Elements whose subtrees are still to be walked for shadow roots. */
  const trees: TreeWalker[] = [];
  const read = new WeakSet<ShadowRoot>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const open = () => {
    if (done.signal.aborted) return;
    stop();
    o.open();
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      // Text changed or added inside a part never read (a script's) asks nothing.
      if (inCut(r.target)) continue;
      // Text edited, or a part no longer hidden or editable: read with the text around it.
      if (r.type === 'attributes' || r.type === 'characterData') {
        texts.push(aroundAndOwn(r.target));
        continue;
      }
      // What was removed may join the text on either side of it ("Neura" + "link").
      if (r.removedNodes.length > 0)
        texts.push(aroundAndOwn(r.nextSibling ?? r.previousSibling ?? r.target));
      for (const n of r.addedNodes) {
        if (n.nodeType !== Node.ELEMENT_NODE && n.nodeType !== Node.TEXT_NODE) continue;
        // An element never read adds nothing the reader reads (a page's analytics script).
        if (isCut(n)) continue;
        texts.push(aroundAndOwn(n));
        if (n.nodeType === Node.ELEMENT_NODE) walkFrom(n as Element, true);
      }
    }
    // Asked in a task of its own: the page's change is not held up.
    timer ??= setTimeout(work, 0);
  });
  done.signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
  });

  const readRoot = (root: ShadowRoot) => {
    if (read.has(root)) return;
    read.add(root);
    observer.observe(root, OPTIONS);
    texts.push(proseOf(root));
    walkFrom(root, false);
  };

  const late = createLateHosts(
    done.signal,
    (root) => read.has(root),
    readRoot,
    () => work(),
  );

  /** Queues the walk of `root`'s elements (and `root` itself, an added element). */
  const walkFrom = (root: Element | ShadowRoot, self: boolean) => {
    if (self) {
      const own = shadowOf(root as Element);
      if (own) readRoot(own);
      // An added custom element whose definition attaches its root later.
      else if ((root as Element).localName.includes('-')) late.watch([root as Element]);
    }
    if (root.firstElementChild)
      trees.push(root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT));
  };

  /** Walks for shadow roots until `end`; false once out of time. */
  const walkSome = (end: number): boolean => {
    const maybe: Element[] = [];
    let count = 0;
    for (let tree = trees[0]; tree; tree = trees[0]) {
      for (let el = tree.nextNode() as Element | null; el; el = tree.nextNode() as Element | null) {
        const root = shadowOf(el);
        if (root) readRoot(root);
        else if (el.localName.includes('-')) maybe.push(el);
        if (++count % ELEMENTS_PER_CHECK === 0 && performance.now() >= end) {
          late.watch(maybe);
          return false;
        }
      }
      trees.shift();
    }
    late.watch(maybe);
    return true;
  };

  /** Asks texts until `end`; true if a name could be there, null once out of time. */
  const askSome = (end: number): boolean | null => {
    for (;;) {
      if (current === null) {
        const next = texts.shift();
        if (next === undefined) return false;
        if (next === null) return true;
        if (typeof next === 'string') {
          current = next;
          tail = '';
        } else {
          const own = proseOf(next);
          if (own === null) return true;
          // Where the part meets the one before, asked apart: the part itself may be megabytes,
          // which a string joined to it would copy whole when first read.
          if (tail !== '' && o.mayName(tail + edgeOf(own, AROUND_CHARS, false), 0, tail.length))
            return true;
          current = own;
          // A part of white space alone (indentation between two parts) keeps the text before.
          tail = joined(tail, own, true);
        }
        at = 0;
      }
      while (at < current.length) {
        const to = Math.min(current.length, at + PIECE_CHARS);
        if (o.mayName(current, at, to)) return true;
        at = to;
        if (performance.now() >= end) return null;
      }
      current = null;
      if (performance.now() >= end) return null;
    }
  };

  const work = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (done.signal.aborted) return;
    const end = performance.now() + SLICE_BUDGET_MS;
    // Texts first: most pages that mention a name say so in the body's text, before any walk.
    for (;;) {
      const asked = askSome(end);
      if (asked === true) return open();
      if (asked === null) break;
      if (trees.length === 0 || !walkSome(end)) break;
      if (texts.length === 0) break;
    }
    if (current !== null || texts.length > 0 || trees.length > 0) timer = setTimeout(work, 0);
    else readOnce = true;
  };

  let readOnce = false;
  observer.observe(o.doc, OPTIONS);
  const body = o.doc.body;
  if (body) {
    texts.push(...partsOf(body));
    walkFrom(body, true);
  }
  work();
  return {
    get readOnce() {
      return readOnce;
    },
  };
}
