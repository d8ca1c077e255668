/**
 * Which parts of a page are prose we read, and where one run of prose ends.
 *
 * Decided by tag name and attributes, not by computed style: asking for styles would force
 * layout on every node of a large page, and tag names are right for the vast majority of pages
 * (mark.js and similar tools make the same trade). The one exception is two elements glued with
 * no white space, where only layout tells a flex row of links from a word split for emphasis:
 * `drawn-apart.ts` asks it there, and only there.
 */

import { isWs } from '../../core/chars';
import { isPageChrome } from './page-chrome';

/** Our own elements: the UI host and the fallback-mode wrapper. */
export const HOST_TAG = 'rivalry-lens';
export const MARK_TAG = 'rivalry-mark';

/**
 * Never read: not rendered as prose (script, style, template, head…), form controls the user
 * types into, embedded content whose children are fallback text, and vector/maths markup.
 *
 * Code (`code`, `kbd`, `samp`, `var`): skipped. In code, `openai`, `x` or `stoke` are
 * identifiers, package names and variables, not mentions of the companies; highlighting them
 * would be imprecise and would get in the way of selecting and copying code. A `<pre>` without
 * such elements is kept: it is how plain-text e-mails, mailing-list archives and poems are
 * published, and those are prose.
 */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'CODE',
  'KBD',
  'SAMP',
  'VAR',
  // SVG and MathML elements keep lower-case tag names in HTML documents.
  'svg',
  'math',
  'RIVALRY-LENS',
]);

/** The never-read elements as a selector (the gate leaves their text out: gate-watch.ts). */
export const SKIP_SELECTOR = [...SKIP_TAGS].map((tag) => tag.toLowerCase()).join(',');

/**
 * Elements that start and end a line of their own: a name never continues across them.
 * Everything else (span, em, b, a, custom elements…) is inline and joins its neighbours,
 * so "Neura<b>link</b>" reads as one word.
 */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIR',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LEGEND',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/**
 * True when nothing inside `el` is ever read (`tag`: its tag name, if already at hand): the tags
 * above, hidden and editable parts, and the page's share and follow furniture (`page-chrome.ts`).
 */
export function isSkipped(el: Element, tag = el.tagName): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  // Every other rule is about attributes, which most elements of prose have none of.
  if (!el.hasAttributes()) return false;
  const names = el.getAttributeNames();
  if (names.includes('hidden')) return true;
  if (isPageChrome(el, tag, names)) return true;
  if (!names.includes('contenteditable')) return false;
  const editable = el.getAttribute('contenteditable');
  // `contenteditable=""`, `true` and `plaintext-only` make an editor; only `false` does not.
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** True when `el` begins a run of its own (see BLOCK_TAGS). */
export function isBlock(el: Element, tag = el.tagName): boolean {
  return BLOCK_TAGS.has(tag);
}

/** A root we read: the document's body, or an open shadow root. */
export type ReadRoot = Element | ShadowRoot;

/**
 * The element or shadow root whose own run of text contains `node`, or null when `node` is in a
 * part of the page we never read (inside an input, a script, our UI, a code element…).
 * The owner is the nearest block ancestor (or `node` itself if it is a block), else the shadow
 * root it is in, else the body.
 */
export function ownerOf(node: Node): ReadRoot | null {
  let owner: ReadRoot | null = null;
  let cur: Node | null = node;
  while (cur) {
    if (cur.nodeType === 1) {
      const el = cur as Element;
      if (isSkipped(el)) return null;
      if (!owner && isBlock(el)) owner = el;
      if (el.tagName === 'BODY') return owner ?? el;
      // Inside a `<head>`-less document fragment or detached node: nothing to read.
      cur = el.parentNode;
    } else if (cur.nodeType === 11) {
      const host = (cur as ShadowRoot).host as Element | undefined;
      if (!host) return null;
      if (isSkipped(host)) return null;
      owner ??= cur as ShadowRoot;
      cur = host;
    } else if (cur.nodeType === 9) {
      // Reached the document without passing through <body>: <head>, or a frameset.
      return null;
    } else {
      cur = cur.parentNode;
    }
  }
  return null;
}

/**
 * What reading an owner does with an element inside it, the one rule for both the collector and
 * `walkNested` (which must meet nested owners in the collector's order): a line break; a part
 * never read (nor anything inside); a nested block, an owner of its own; or inline content,
 * read on into its children.
 */
export type Kind = 'br' | 'skip' | 'block' | 'inline';
export const kindOf = (el: Element, tag = el.tagName): Kind =>
  tag === 'BR' ? 'br' : isSkipped(el, tag) ? 'skip' : isBlock(el, tag) ? 'block' : 'inline';
/** White space that HTML collapses (not the no-break space, which is kept as written). */
export const WS_RUN = /[ \t\n\r\f]{2,}/g;
export { isWs };
