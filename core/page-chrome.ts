/**
 * Page chrome: "Share on X", "Follow us on Twitter", "Post on X" or "Follow @SpaceX" standing
 * alone are a site's share and follow widgets, not something the reader reads about, so a name
 * in them is no mention (issue #16). A label stands alone when the stretch of text around it, up
 * to a line break, a bar or a bullet, holds nothing but widget words; "he said in a post on X"
 * is a sentence and stays a mention. Links and widget elements are the reader's to judge (their
 * markup says more); this is the rule for their text.
 */
import type { Candidate } from './candidate.ts';

/** The longest stretch either side of a name that a widget label may take. */
const LABEL_REACH = 60;

/**
 * What ends a widget label: line breaks, tabs, bars, bullets, middle dots, slashes, and the end
 * of a sentence ("Want more? Follow us on X").
 */
const SEPARATOR = /[\n\r\t|·•‧∙⋅/?!]/;

/** Verbs that make a stretch of widget words a share or follow label. */
const WIDGET_VERBS = new Set(
  'share follow post tweet repost retweet teilen folgen folge partager suivre suivez compartir comparte seguir sigue síguenos condividi segui deel volg シェア ポスト フォロー でシェア でポスト をフォロー'.split(
    ' ',
  ),
);

/** The networks share rows and icon lists name beside the platform. */
const NETWORKS = new Set(
  'facebook linkedin reddit whatsapp pinterest telegram threads bluesky mastodon instagram youtube tiktok flipboard tumblr messenger x twitter'.split(
    ' ',
  ),
);

/**
 * The other words a widget label is made of: its link's screen-reader text ("Click to share on
 * X (Opens in new window)") and the newsletter a follow line invites to ("and sign up for our
 * morning newsletter") among them.
 */
const WIDGET_WORDS = new Set(
  'on us me to via this the article story page link copy email e mail print or and formerly a click tap opens open in new window tab sign up subscribe for our daily weekly morning evening free newsletter newsletters auf uns bei und per artikel beitrag kopieren sur nous et le la les lien article copier en nos y o el artículo enlace copiar su ci op ons'.split(
    ' ',
  ),
);

/** What ends a row of icons: a line break or a tab. */
const LINE_END = /[\n\r\t]/;

/** A full stop that ends a sentence: one before a space or the end of the text. */
function sentenceEnd(text: string, i: number): boolean {
  return text[i] === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1] as string));
}

/** Where the stretch around `at` that `ends` or the text's edge bounds starts (-1: too long). */
function labelEdge(text: string, at: number, step: -1 | 1, ends: RegExp): number {
  let i = at;
  for (let n = 0; n <= LABEL_REACH; n++) {
    const next = step < 0 ? i - 1 : i;
    if (next < 0 || next >= text.length || ends.test(text[next] as string)) return i;
    if (ends === SEPARATOR && sentenceEnd(text, next)) return i;
    i += step;
  }
  return -1;
}

/** Whether the words around the candidate up to `ends` are a widget's, or null for none. */
function widgetAround(text: string, cand: Candidate, ends: RegExp): boolean | null {
  const from = labelEdge(text, cand.start, -1, ends);
  const to = labelEdge(text, cand.end, 1, ends);
  if (from < 0 || to < 0) return false;
  return widgetWords(`${text.slice(from, cand.start)} ${text.slice(cand.end, to)}`);
}

/** Whether `s` is made of widget words only, or null for no words at all. */
function widgetWords(s: string): boolean | null {
  const words = s.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (words === null) return null;
  // A verb makes a label ("Share on X"); other networks make a row of icons ("Facebook · X").
  let widget = false;
  for (const w of words) {
    if (WIDGET_VERBS.has(w) || NETWORKS.has(w)) widget = true;
    else if (!WIDGET_WORDS.has(w) && !/^\d+$/.test(w)) return false;
  }
  return widget;
}

/**
 * True when a line next to the one the candidate stands alone on is a widget item: the name is
 * then one entry of a column of icons ("Follow⏎Facebook⏎X⏎Instagram").
 */
function inWidgetColumn(text: string, cand: Candidate): boolean {
  const lineStart = text.lastIndexOf('\n', cand.start - 1) + 1;
  const lineEnd = text.indexOf('\n', cand.end);
  if (lineStart > 0) {
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (widgetWords(text.slice(prevStart, lineStart - 1)) === true) return true;
  }
  if (lineEnd >= 0) {
    const nextEnd = text.indexOf('\n', lineEnd + 1);
    if (widgetWords(text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd)) === true)
      return true;
  }
  return false;
}

/**
 * True when the candidate sits in a share or follow label standing alone, or in a row of
 * network names: a platform's name ("Share on X", "Facebook | X"), or a handle after "@"
 * ("Follow @OpenAI").
 */
export function isPageChrome(text: string, cand: Candidate): boolean {
  const handle = text.charCodeAt(cand.start - 1) === 64;
  if (!handle && !cand.alias.entity.platform) return false;
  // Alone between two bars, the name is one item of a row: the whole row then decides; alone
  // on its line, the lines beside it do.
  return (
    widgetAround(text, cand, SEPARATOR) ??
    widgetAround(text, cand, LINE_END) ??
    inWidgetColumn(text, cand)
  );
}
