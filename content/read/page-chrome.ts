/**
 * The site's furniture that names X without being about it: share and follow widgets, and links
 * to the platform whose text is only its name or a share/follow phrase ("Follow us on X").
 * On many news pages these were the only highlights (issue #16). Read as never-read parts,
 * like code: what is inside is neither highlighted nor counted. A link in prose whose text is a
 * sentence ("he posted on X") is kept.
 */

/** Hosts of the platforms whose names we match (X, once Twitter). */
const PLATFORM_HOST = /(^|\.)(x\.com|twitter\.com)$/i;
/** Before parsing an address: most links are elsewhere. */
const MAYBE_PLATFORM = /x\.com|twitter\.com/i;

/** Addresses that share or follow, whatever their text. */
const SHARE_HREF =
  /^(https?:)?\/\/([^/]*\.)?(x|twitter)\.com\/(intent\/|share\b|i\/flow\/|home\?status=)/i;

/** A link's whole text that is only a name of the platform, or a share or follow phrase. */
const CHROME_TEXT =
  /^((?:share|post|tweet|follow|find|join|connect with|reach)(?: (?:this|it|us|me|him|her|them|story|article|post))?(?: (?:on|via|at|with))? )?(?:x|twitter|x \(formerly twitter\)|x\/twitter|twitter\/x)$/i;

/** A label that says share or follow ("Share on X", "Follow us on Twitter"). */
const CHROME_LABEL = /^((click|tap) to )?(share|follow|tweet|post (this|it|on))\b/i;

/**
 * The names platforms give their lists of accounts to follow (X's "Relevant people" and "Who to
 * follow" beside a thread): a follow widget whose items are profiles, not the page's text.
 */
const FOLLOW_LIST =
  /^(relevant people|who to follow|you might like|suggested (accounts|for you)|follow suggestions)$/i;

/**
 * Words of class names and ids that mark a widget ("share-buttons", "socialLinks", "follow"),
 * also run together with what the widget is ("sharebar", "socialicons", "followus"), and the
 * share services' own ("a2a_kit", "addtoany", "sharethis"). Not "shared" or "following", which
 * name content.
 */
const CHROME_WORD =
  /^(?:(?:share|social|follow)(?:s|bar|bars|box|buttons?|tools?|icons?|links?|media|menu|us|widgets?)?|sharing|sharer|sharethis|addthis|addtoany|a2a)$/;

/** Any of the words at all, before the exact test (most class names have none). */
const MAYBE_WORD = /share|social|follow|addthis|addtoany|a2a/i;

/** Attributes that share buttons carry for their network ("data-network", ShareThis's). */
const NETWORK_ATTRS = ['data-network', 'data-social-network', 'data-sharer', 'data-platform'];
/** A network attribute's value, or a button's title, that names the platform or says share. */
const NETWORK_VALUE = /^(x|twitter)$/i;

/** Widgets are short: a container that says so but holds more than this is the page itself. */
const WIDGET_CHARS = 300;

const namesWidget = (value: string | null): boolean => {
  if (!value || !MAYBE_WORD.test(value)) return false;
  // Class lists, kebab, snake and camel case: "c-share__item socialLinks" → c share item social links.
  for (const word of value.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[\s_-]+/)) {
    if (CHROME_WORD.test(word.toLowerCase())) return true;
  }
  return false;
};

/**
 * True when `el` is a share or follow widget, or a link that only names the platform. `names`:
 * its attributes' names (`getAttributeNames()`), asked once, since most elements carry none of
 * the attributes looked at here and each `getAttribute` is a call into the page's DOM.
 */
export function isPageChrome(
  el: Element,
  tag: string,
  names: readonly string[] = el.getAttributeNames(),
): boolean {
  if (tag === 'A') {
    const href = attrOf(el, names, 'href');
    if (href && isPlatformLink(el, href)) return true;
  }
  // The name a button gives itself, or its tooltip ("Click to share on X", as Jetpack's).
  for (const name of ['aria-label', 'title']) {
    const label = attrOf(el, names, name)?.trim();
    if (label && (CHROME_LABEL.test(label) || FOLLOW_LIST.test(label))) return true;
  }
  for (const name of NETWORK_ATTRS) {
    const value = attrOf(el, names, name);
    if (value && NETWORK_VALUE.test(value.trim())) return true;
  }
  if (
    namesWidget(attrOf(el, names, 'class')) ||
    namesWidget(attrOf(el, names, 'id')) ||
    names.includes('data-share') ||
    names.includes('data-social')
  ) {
    return (el.textContent ?? '').length <= WIDGET_CHARS;
  }
  return false;
}

/** An attribute's value, asked of the DOM only when `names` says the element has it. */
const attrOf = (el: Element, names: readonly string[], name: string): string | null =>
  names.includes(name) ? el.getAttribute(name) : null;

function isPlatformLink(el: Element, href: string): boolean {
  if (!MAYBE_PLATFORM.test(href)) return false;
  if (SHARE_HREF.test(href)) return true;
  let host: string;
  try {
    host = new URL(href, el.ownerDocument.baseURI).hostname;
  } catch {
    return false;
  }
  if (!PLATFORM_HOST.test(host)) return false;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const m = CHROME_TEXT.exec(text);
  // The bare name inside a sentence ("wrote on <a>X</a>") is a mention; a phrase never is.
  return m !== null && (m[1] !== undefined || !inSentence(el));
}

/** Words that put a platform's bare name in a sentence when they come right before it. */
const BEFORE_NAME = /\b(on|via|to|at|from|in|auf|sur|sobre|en)\s+$/i;

const inSentence = (el: Element): boolean => {
  const before = el.previousSibling;
  return before?.nodeType === Node.TEXT_NODE && BEFORE_NAME.test((before as Text).data);
};
