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

/**
 * What a sign-in widget says besides the networks it offers ("Log in with Facebook, X or Google
 * to comment"): read only in a stretch that holds a sign-in phrase (SIGN_IN).
 */
const SIGN_IN_WORDS = new Set(
  'sign log login signin signup in on up with continue google apple microsoft github amazon yahoo email phone account your to comment comments reply replies join discussion or'.split(
    ' ',
  ),
);

/** A sign-in phrase ("Sign in with", "Log in with", "Continue with"), on lower-case words. */
const SIGN_IN = /(?:^| )(?:(?:sign|log) (?:in|on|up)|login|signin|signup|continue) with(?: |$)/;

/** Words a label before a colon and a row of networks is made of ("Find us on:", "Connect:"). */
const LABEL_WORDS = new Set(
  'connect connected find join stay social media elsewhere networks channels touch get with around web online follow share us me on in the our'.split(
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
  // A sign-in phrase makes a sign-in widget ("Sign in with X"), of its own words and networks.
  if (SIGN_IN.test(words.join(' ')))
    return words.every((w) => SIGN_IN_WORDS.has(w) || NETWORKS.has(w));
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
 * True when the candidate is one item of a row of networks after a label and a colon, alone on
 * its line ("Connect: Twitter | Facebook | RSS", "Find us on: X, Facebook, LinkedIn"): the label
 * says the row is links, where a sentence naming the same networks has words of its own.
 */
function labelledRow(text: string, cand: Candidate): boolean {
  // Searched within a label's reach only: a long text without line breaks is read once, not
  // once per name.
  const from = Math.max(0, cand.start - LABEL_REACH * 2);
  const head = text.slice(from, cand.start);
  const lineStart = from + head.lastIndexOf('\n') + 1;
  if (lineStart === from && from > 0) return false;
  const colon = from + head.lastIndexOf(':');
  if (colon < lineStart) return false;
  const tail = text.slice(cand.end, cand.end + LABEL_REACH * 2 + 1);
  const lineEnd = tail.indexOf('\n');
  if (lineEnd < 0 && cand.end + tail.length < text.length) return false;
  const end = cand.end + (lineEnd < 0 ? tail.length : lineEnd);
  const label = text
    .slice(lineStart, colon)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (label === null || label.length > 5 || !label.every((w) => LABEL_WORDS.has(w))) return false;
  // Each item between the colon and the line's end is one network, or a feed ("RSS").
  const items = `${text.slice(colon + 1, cand.start)}\u0000${text.slice(cand.end, end)}`
    .toLowerCase()
    .split(/[|,·•/]|\s+(?:and|or)\s+/);
  if (items.length < 2) return false;
  return items.every((item) => {
    const t = item.trim();
    return t === '\u0000' || NETWORKS.has(t) || t === 'rss' || t === 'email' || t === 'newsletter';
  });
}

/** The words a consent banner addresses its reader with ("we use cookies so you can share"). */
const BANNER_PERSONS = new Set('we our us you your'.split(' '));

/**
 * True when the candidate is one of a list of networks in a cookie banner's sentence ("cookies
 * are set by social networks like X, Facebook and YouTube so you can share"): a sentence that
 * names cookies and speaks to the reader as "we" and "you" is the site's notice, where a report
 * on cookies ("regulators fined X over tracking cookies") names no list and no "you".
 */
function cookieNotice(text: string, cand: Candidate): boolean {
  const from = Math.max(0, cand.start - 200);
  const to = Math.min(text.length, cand.end + 200);
  const before =
    text
      .slice(from, cand.start)
      .split(/[.!?\n]\s/)
      .at(-1) ?? '';
  const after = text.slice(cand.end, to).split(/[.!?\n](?:\s|$)/)[0] ?? '';
  const words = `${before} ${after}`.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (!words.some((w) => w === 'cookie' || w === 'cookies')) return false;
  if (!words.some((w) => BANNER_PERSONS.has(w))) return false;
  // A neighbouring item of the list is another network ("X, Facebook", "Facebook and X").
  const next = /^\s*(?:,|\band\b|\bor\b)\s*(?:and\s+|or\s+)?([\p{L}]+)/iu.exec(after)?.[1];
  const prev = /([\p{L}]+)\s*(?:,|\band|\bor)\s*$/iu.exec(before)?.[1];
  return [next, prev].some((w) => w !== undefined && NETWORKS.has(w.toLowerCase()));
}

/** A copyright notice right before a name: "© 2025 X Corp.", "Copyright (c) 2019–2025 OpenAI". */
const COPYRIGHT_BEFORE =
  /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?$/i;

/**
 * True when the candidate sits in a share or follow label standing alone, or in a row of
 * network names: a platform's name ("Share on X", "Facebook | X"), or a handle after "@"
 * ("Follow @OpenAI").
 */
export function isPageChrome(text: string, cand: Candidate): boolean {
  // The site's copyright line names its owner, whoever that is: a footer, not the page's text.
  // (Every candidate passes here: the regex runs only where a sign or the word is near.)
  const lead = text.slice(Math.max(0, cand.start - 32), cand.start);
  if (/[©(]|opyright/i.test(lead) && COPYRIGHT_BEFORE.test(lead)) return true;
  const handle = text.charCodeAt(cand.start - 1) === 64;
  if (!handle && !cand.alias.entity.platform) return false;
  // Alone between two bars, the name is one item of a row: the whole row then decides; alone
  // on its line, the lines beside it do.
  if (labelledRow(text, cand) || cookieNotice(text, cand)) return true;
  return (
    widgetAround(text, cand, SEPARATOR) ??
    widgetAround(text, cand, LINE_END) ??
    inWidgetColumn(text, cand)
  );
}
