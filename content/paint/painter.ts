/**
 * Paints mentions.
 *
 * Normally with the CSS Custom Highlight API: one `Highlight` per entity, registered as
 * `rivalry-<entity-id>`, holding the live Ranges of that entity's mentions. The page's DOM is not
 * touched: the `::highlight()` rules live in a constructed style sheet adopted by the document.
 * In Firefox (rules of scope `tree`) each open shadow root that has a mention adopts it too, as
 * Firefox applies `::highlight` rules only within the rule's own tree and element. In Chromium
 * (scope `root`) the one sheet on the document styles all of them by inheritance, and for the
 * default style on a light page it is the manifest's CSS, there from document start, and no
 * sheet is adopted at all (see build/early-sheet.ts).
 *
 * Fallback, where `CSS.highlights` or `Highlight` is missing (older Firefox and Safari): each
 * mention's text is wrapped in `<rivalry-mark>` elements with an inline style. This does change
 * the page's DOM, so it is only used when there is no other way; every wrap is undone exactly
 * (split text nodes are joined again) when the mention goes or the lens is turned off. Pages
 * whose framework owns those text nodes (React…) may dislike it, which is why it is a fallback.
 */
import { type ColourScheme, FLASH_RGB } from '../../extension/palette';
import type { HighlightStyle } from '../../extension/setting-specs';
import type { Found } from '../found';
import { MARK_TAG } from '../read/dom-rules';
import type { HighlightApi } from './highlight-api';
import { pageScheme, watchPageScheme } from './page-scheme';
import {
  EARLY_SCHEME,
  EARLY_STYLE,
  FLASH_HIGHLIGHT,
  HIGHLIGHT_PREFIX,
  highlightCss,
  markStyle,
  type RuleScope,
} from './styles';

/**
 * A tree's adopted style sheets, read and written from a content script. Firefox 140 (the ESR of
 * 2025-26) lets a content script neither read nor set `adoptedStyleSheets` through its safe view
 * of the page's objects ("Accessing from Xray wrapper is not supported"; later versions can):
 * there the page's own view (`wrappedJSObject`) is used, with an array made in the page's realm
 * (`cloneInto`), which the page's setter accepts. What passes is our sheet, which the page can
 * see in its list anyway.
 */
interface PageView {
  wrappedJSObject?: { adoptedStyleSheets: ArrayLike<CSSStyleSheet> };
}
declare const cloneInto: ((value: unknown, target: object) => unknown) | undefined;
/** Firefox: the safe view of a page object, the same object as our own references to it. */
declare const XPCNativeWrapper: (<T>(value: T) => T) | undefined;

const adoptedSheets = {
  read(root: Document | ShadowRoot): CSSStyleSheet[] {
    try {
      const list = root.adoptedStyleSheets;
      if (typeof list?.length === 'number') return Array.from(list);
    } catch {
      // Firefox 140: below.
    }
    const page = (root as PageView).wrappedJSObject;
    if (!page || typeof XPCNativeWrapper !== 'function') return [];
    return Array.from(page.adoptedStyleSheets, (sheet) => XPCNativeWrapper(sheet));
  },
  write(root: Document | ShadowRoot, sheets: CSSStyleSheet[]): void {
    try {
      root.adoptedStyleSheets = sheets;
      return;
    } catch (error) {
      const page = (root as PageView).wrappedJSObject;
      const view = (root.ownerDocument ?? (root as Document)).defaultView;
      if (!page || typeof cloneInto !== 'function' || !view) throw error;
      const list = cloneInto([], view) as CSSStyleSheet[];
      for (const sheet of sheets) list.push(sheet);
      page.adoptedStyleSheets = list;
    }
  },
};

export interface Painter {
  readonly mode: 'highlight' | 'mark';
  add(found: readonly Found[]): void;
  remove(found: readonly Found[]): void;
  /** Marks one range strongly (the mention just revealed), or clears that mark. */
  flash(range: Range | null): void;
  setStyle(style: HighlightStyle): void;
  /** The entity whose highlight this is, if it is one of ours (for hit-testing). */
  entityOf(highlight: unknown): string | undefined;
  destroy(): void;
}

export interface SheetOptions {
  /** How the rules are written (see `RuleScope`); `root` styles shadow trees from the document. */
  scope: RuleScope;
  /**
   * The page has the rules of scope `root` for EARLY_STYLE on EARLY_SCHEME from document start
   * (the manifest's CSS, build/early-sheet.ts). For another style, or on a dark page, the painter
   * adopts a sheet of its own, whose rules override those.
   */
  early?: boolean;
  /**
   * False where the browser draws no underline of a `::highlight()` (Firefox before 146, see
   * extension/browser-support.ts): the underline style is then painted as the fill, so that the
   * mentions stay visible.
   */
  underlines?: boolean;
}

export function createHighlightPainter(
  doc: Document,
  api: HighlightApi,
  entities: readonly string[],
  initialStyle: HighlightStyle,
  sheets: SheetOptions = { scope: 'tree' },
): Painter {
  const highlights = new Map<string, Highlight>();
  const entityByHighlight = new Map<Highlight, string>();
  const drawable = (s: HighlightStyle): HighlightStyle =>
    sheets.underlines === false ? 'fill' : s;
  let style = drawable(initialStyle);
  /** Ours, made for a style or scheme the early rules do not hold (or where there are none). */
  let own: CSSStyleSheet | null = null;
  /** Whether something was painted (and the page's scheme looked at). */
  let started = false;
  /** The sheet in use once something was painted: none while the early rules hold the style. */
  let sheet: CSSStyleSheet | null = null;
  const styled = new Set<Document | ShadowRoot>();
  /** The page's scheme, looked at when the first mention is painted (not on pages with none). */
  let scheme = EARLY_SCHEME;
  let unwatch: (() => void) | null = null;

  /** The sheet with the rules of the current style and scheme, or none if the early rules are. */
  const sheetForStyle = (): CSSStyleSheet | null => {
    if (sheets.early && style === EARLY_STYLE && scheme === EARLY_SCHEME) return null;
    own ??= new CSSStyleSheet();
    own.replaceSync(highlightCss(entities, style, sheets.scope, scheme));
    return own;
  };

  /** Puts the sheet for the current style and scheme in every tree that has the old one. */
  const restyle = () => {
    if (!started) return;
    const old = sheet;
    sheet = sheetForStyle();
    if (sheet !== old) for (const root of [...styled]) place(root, old);
  };

  /**
   * Puts the sheet in use into `root`'s adopted sheets, in the place of `old` if it is there; with
   * none in use (the early rules hold the style), takes `old` out.
   */
  const place = (root: Document | ShadowRoot, old: CSSStyleSheet | null) => {
    const list = adoptedSheets.read(root);
    const current = sheet;
    let next: CSSStyleSheet[] | null = null;
    if (current === null) {
      if (old && list.includes(old)) next = list.filter((s) => s !== old);
    } else if (!list.includes(current)) {
      next =
        old && list.includes(old) ? list.map((s) => (s === old ? current : s)) : [...list, current];
    }
    try {
      if (next) adoptedSheets.write(root, next);
      styled.add(root);
    } catch {
      // A sheet can only be adopted by trees of the document that made it; nothing to do.
    }
  };

  // A page may replace its adopted style sheets wholesale: `place` puts ours back if it did.
  const adopt = (root: Document | ShadowRoot) => {
    if (root !== doc && sheets.scope === 'root') return;
    if (!started) {
      started = true;
      scheme = pageScheme(doc);
      unwatch = watchPageScheme(doc, (next) => {
        scheme = next;
        restyle();
      });
      sheet = sheetForStyle();
    }
    place(root, null);
  };

  return {
    mode: 'highlight',
    add(found) {
      if (found.length) adopt(doc);
      for (const f of found) {
        const entity = f.mention.entity;
        let hl = highlights.get(entity);
        if (!hl) {
          hl = new api.Highlight();
          highlights.set(entity, hl);
          entityByHighlight.set(hl, entity);
          api.registry.set(`${HIGHLIGHT_PREFIX}${entity}`, hl);
        }
        hl.add(f.range);
        const root = f.range.startContainer.getRootNode();
        if (root !== doc && root.nodeType === 11) adopt(root as ShadowRoot);
      }
    },
    remove(found) {
      for (const f of found) {
        const entity = f.mention.entity;
        const hl = highlights.get(entity);
        if (!hl) continue;
        hl.delete(f.range);
        if (hl.size === 0) {
          highlights.delete(entity);
          entityByHighlight.delete(hl);
          api.registry.delete(`${HIGHLIGHT_PREFIX}${entity}`);
        }
      }
    },
    flash(range) {
      if (!range) {
        api.registry.delete(FLASH_HIGHLIGHT);
        return;
      }
      adopt(doc);
      const hl = new api.Highlight(range);
      hl.priority = 1;
      api.registry.set(FLASH_HIGHLIGHT, hl);
    },
    setStyle(next) {
      style = drawable(next);
      restyle();
    },
    entityOf(highlight) {
      return entityByHighlight.get(highlight as Highlight);
    },
    destroy() {
      unwatch?.();
      unwatch = null;
      // Nothing was ever registered before something was painted (and `CSS` need not be touched).
      if (started) {
        for (const entity of highlights.keys()) api.registry.delete(`${HIGHLIGHT_PREFIX}${entity}`);
        api.registry.delete(FLASH_HIGHLIGHT);
      }
      highlights.clear();
      entityByHighlight.clear();
      const ours = sheet;
      for (const root of ours ? styled : []) {
        try {
          adoptedSheets.write(
            root,
            adoptedSheets.read(root).filter((s) => s !== ours),
          );
        } catch {
          // The tree is gone.
        }
      }
      styled.clear();
    },
  };
}

interface Piece {
  mark: HTMLElement;
  text: Text;
}

/** Text nodes a range covers, each with the covered part `[start, end)`. */
function textPieces(range: Range): { node: Text; start: number; end: number }[] {
  const out: { node: Text; start: number; end: number }[] = [];
  const { startContainer: sc, endContainer: ec, startOffset: so, endOffset: eo } = range;
  if (sc === ec && sc.nodeType === 3) {
    if (eo > so) out.push({ node: sc as Text, start: so, end: eo });
    return out;
  }
  const rootNode = range.commonAncestorContainer;
  const doc = rootNode.ownerDocument ?? (rootNode as Document);
  const walker = doc.createTreeWalker(rootNode, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!range.intersectsNode(n)) continue;
    const t = n as Text;
    const start = t === sc ? so : 0;
    const end = t === ec ? eo : t.length;
    if (end > start) out.push({ node: t, start, end });
  }
  return out;
}

export function createMarkPainter(
  doc: Document,
  initialStyle: HighlightStyle,
  quietly: <T>(fn: () => T) => T,
): Painter {
  let style = initialStyle;
  /** The page's scheme, looked at when the first mention is wrapped. */
  let scheme: ColourScheme | null = null;
  let unwatch: (() => void) | null = null;
  const pieces = new Map<Range, Piece[]>();
  /** Text nodes we made by splitting, to be joined back to their neighbours. */
  const madeBySplit = new WeakSet<Text>();
  let flashed: Piece[] = [];

  const wrap = (f: { range: Range; mention: { entity: string } }) => {
    const made: Piece[] = [];
    for (const { node, start, end } of textPieces(f.range)) {
      if (end < node.length) madeBySplit.add(node.splitText(end));
      let text = node;
      if (start > 0) {
        text = node.splitText(start);
        madeBySplit.add(text);
      }
      const mark = doc.createElement(MARK_TAG);
      mark.dataset.entity = f.mention.entity;
      mark.setAttribute('style', markStyle(f.mention.entity, style, scheme ?? EARLY_SCHEME));
      text.before(mark);
      mark.append(text);
      made.push({ mark, text });
    }
    const first = made[0];
    const last = made[made.length - 1];
    if (first && last) {
      f.range.setStart(first.text, 0);
      f.range.setEnd(last.text, last.text.length);
      pieces.set(f.range, made);
    }
  };

  const unwrap = (piece: Piece) => {
    const { mark } = piece;
    const parent = mark.parentNode;
    let text: Text = piece.text;
    if (!parent) return;
    // The page may have changed what is inside; put back whatever is there.
    const children = [...mark.childNodes];
    for (const c of children) parent.insertBefore(c, mark);
    mark.remove();
    if (text.parentNode !== parent) return;
    const prev = text.previousSibling;
    if (madeBySplit.has(text) && prev?.nodeType === 3) {
      (prev as Text).appendData(text.data);
      text.remove();
      text = prev as Text;
    }
    let next = text.nextSibling;
    while (next?.nodeType === 3 && madeBySplit.has(next as Text)) {
      text.appendData((next as Text).data);
      (next as Text).remove();
      next = text.nextSibling;
    }
  };

  const restyle = () => {
    for (const list of pieces.values()) {
      for (const p of list) {
        const entity = p.mark.dataset.entity ?? '';
        p.mark.setAttribute('style', markStyle(entity, style, scheme ?? EARLY_SCHEME));
      }
    }
  };

  return {
    mode: 'mark',
    add(found) {
      if (found.length && !scheme) {
        scheme = pageScheme(doc);
        unwatch = watchPageScheme(doc, (next) => {
          scheme = next;
          restyle();
        });
      }
      // Last first: splitting a text node then leaves the offsets of earlier mentions valid,
      // even where a browser's live ranges do not follow splitText.
      const order = [...found].sort((a, b) =>
        b.range.compareBoundaryPoints(Range.START_TO_START, a.range),
      );
      quietly(() => {
        for (const f of order) wrap(f);
      });
    },
    remove(found) {
      quietly(() => {
        for (let i = found.length - 1; i >= 0; i--) {
          const range = (found[i] as Found).range;
          const list = pieces.get(range);
          if (!list) continue;
          pieces.delete(range);
          for (let j = list.length - 1; j >= 0; j--) unwrap(list[j] as Piece);
        }
      });
    },
    flash(range) {
      for (const p of flashed) p.mark.style.outline = '';
      flashed = range ? (pieces.get(range) ?? []) : [];
      for (const p of flashed) p.mark.style.outline = `2px solid rgb(${FLASH_RGB})`;
    },
    setStyle(next) {
      style = next;
      restyle();
    },
    entityOf() {
      return undefined;
    },
    destroy() {
      unwatch?.();
      unwatch = null;
      quietly(() => {
        for (const list of [...pieces.values()].reverse()) {
          for (let j = list.length - 1; j >= 0; j--) unwrap(list[j] as Piece);
        }
      });
      pieces.clear();
    },
  };
}
