/**
 * Whether the page is light or dark, as the reader sees it: a page may be dark on a light system
 * (a site's own dark theme) or light on a dark one (most pages), and the fills must suit the page.
 */
import type { ColourScheme } from '../../extension/palette';

const DARK_QUERY = '(prefers-color-scheme: dark)';
/** Below this WCAG relative luminance a background counts as dark (mid-grey is about 0.2). */
const DARK_LUMINANCE = 0.2;

/** `#rgb[a]` or `#rrggbb[aa]`, which some engines leave as written in computed styles. */
function parseHex(value: string): { rgb: [number, number, number]; alpha: number } | null {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(value)?.[1] ?? '';
  if (![3, 4, 6, 8].includes(hex.length)) return null;
  const pairs = hex.length <= 4 ? [...hex].map((d) => d + d) : (hex.match(/../g) as string[]);
  const [r, g, b, a = 255] = pairs.map((d) => Number.parseInt(d, 16)) as number[];
  return { rgb: [r as number, g as number, b as number], alpha: a / 255 };
}

/** `rgb()`/`rgba()` as computed styles give it, either syntax; null for anything else. */
function parseRgb(value: string): { rgb: [number, number, number]; alpha: number } | null {
  if (value.startsWith('#')) return parseHex(value);
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
    value.trim(),
  );
  if (!m) return null;
  const a = m[4];
  const alpha = a === undefined ? 1 : a.endsWith('%') ? Number.parseFloat(a) / 100 : Number(a);
  return { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], alpha };
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The scheme the page's canvas gets when neither html nor body paints a background. */
function canvasScheme(doc: Document, view: Window): ColourScheme {
  const declared =
    view.getComputedStyle(doc.documentElement).colorScheme ||
    doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ||
    '';
  const words = declared.split(/\s+/);
  if (!words.includes('dark')) return 'light';
  if (!words.includes('light')) return 'dark';
  return view.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

/**
 * The page's scheme, from the computed background of `<html>`, else of `<body>` (the first that
 * is not transparent, composited over white if translucent), else from its `color-scheme` and the
 * system's preference. Two style reads: call it when painting starts, not per mention.
 */
export function pageScheme(doc: Document): ColourScheme {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const el of [doc.documentElement, doc.body]) {
    if (!el) continue;
    const bg = parseRgb(view.getComputedStyle(el).backgroundColor);
    if (!bg || bg.alpha === 0) continue;
    const over = bg.rgb.map((c) => c * bg.alpha + 255 * (1 - bg.alpha)) as [number, number, number];
    return luminance(over) < DARK_LUMINANCE ? 'dark' : 'light';
  }
  return canvasScheme(doc, view);
}

/**
 * Calls `onChange` with the page's scheme whenever the system's preference changes (pages with a
 * dark theme of their own often follow it). Returns the function that stops listening.
 */
export function watchPageScheme(
  doc: Document,
  onChange: (scheme: ColourScheme) => void,
): () => void {
  const query = doc.defaultView?.matchMedia?.(DARK_QUERY);
  if (!query) return () => {};
  const listener = () => onChange(pageScheme(doc));
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/**
 * Marks an element of our UI with the page's scheme (`data-scheme="dark"`), so the card's CSS can
 * match the page rather than the system; returns the function that stops following changes.
 */
export function followPageScheme(el: HTMLElement): () => void {
  const doc = el.ownerDocument;
  const set = (scheme: ColourScheme) => {
    el.dataset.scheme = scheme;
  };
  set(pageScheme(doc));
  return watchPageScheme(doc, set);
}
