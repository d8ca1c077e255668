/**
 * Reads the labelled evaluation corpus (`tests/corpus/*.txt`).
 *
 * Format, one snippet per block, blocks separated by a line `---`:
 *
 *     # id: news-12
 *     [[SpaceX|spacex]]'s launch was delayed, [[Elon Musk|elon-musk]] said.
 *
 * The first line of a block may be `# id: <genre>-<n>` (a comment, not part of the text); the genre
 * is the id without its number. A mention is `[[surface text|entity-id]]`; the snippet's text is the
 * block with every label replaced by its surface text, and offsets are computed here, never by hand.
 * Leading and trailing blank lines of a block are not part of the text; CRLF is read as LF.
 * Invisible characters (U+00A0, U+200B, U+200D, U+00AD) are written in the files as themselves.
 *
 * Labelling conventions (a careful reader should agree with every label):
 * - A label covers the name only: not a possessive ('s, ’s, German "Musks"), not quotes, brackets,
 *   "#" or "@"; a legal name covers its suffix ("Space Exploration Technologies Corp.", "OpenAI
 *   Global, LLC", "Neuralink Corporation").
 * - "Elon Musk" is one mention; "SpaceX CEO Elon Musk" two; "X (formerly Twitter)" two x-twitter.
 * - A name inside a longer word or product is not a mention ("Starlink", "r/SpaceXLounge",
 *   "OpenAIRE", "Tesla Model X"); products are not their maker ("Grok", "ChatGPT", "Nova").
 * - Short names count where a reader knows who is meant: "Musk", "Elon", "Altman", "Stoke", "X",
 *   "マスク" after or near their entity, and "XAI" in an all-capitals headline about Musk's company;
 *   never "musk" the scent, "Stoke" the football club, XAI as explainable AI, "Jack Altman".
 * - Misspellings of a name are labelled with its entity ("Nueralink", "OpenAl", "Spacex").
 * - Addresses are not mentions: domains and URLs ("openai.com", "x.ai"), e-mail addresses, and
 *   handles squashed from a name ("@elonmusk", "@stokespace"); a handle that is the name as
 *   written is ("@SpaceX", "@neuralink": the label leaves out the "@"). Nor are stock symbols
 *   ("(NYSE: X)", "$X").
 * - Page furniture is not a mention: share, follow and sign-in labels ("Share on X", "Follow us
 *   on X", "Sign in with X") and the site's copyright line ("© 2025 Neuralink Corp.").
 * - A name that qualifies another word still names the entity ("SpaceX-style boosters",
 *   "Neuralink-like implants", "Musk-owned").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_ENTITIES } from './score.ts';

export interface GoldMention {
  entity: string;
  /** JavaScript string offset into `text`, end exclusive. */
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
}

export interface Snippet {
  /** `<genre>-<n>`, unique across the corpus. */
  id: string;
  genre: string;
  /** File name the snippet was read from, e.g. `news.txt`. */
  file: string;
  text: string;
  mentions: GoldMention[];
}

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));

const ID_LINE = /^# id:\s*(\S+)\s*$/;
const KNOWN = new Set<string>(ALL_ENTITIES);

/** Thrown on malformed markup; the message names the file and the snippet. */
export class CorpusError extends Error {
  override name = 'CorpusError';
}

/**
 * Parses one block's markup into text and mentions. `where` names the snippet in error messages.
 */
export function parseMarkup(
  markup: string,
  where = 'snippet',
): { text: string; mentions: GoldMention[] } {
  const fail = (why: string, at: number): never => {
    const near = markup.slice(Math.max(0, at - 20), at + 30).replace(/\n/g, '⏎');
    throw new CorpusError(`${where}: ${why} near “${near}”`);
  };
  let text = '';
  const mentions: GoldMention[] = [];
  let i = 0;
  while (i < markup.length) {
    const open = markup.indexOf('[[', i);
    const close = markup.indexOf(']]', i);
    if (close !== -1 && (open === -1 || close < open)) fail('“]]” without an opening “[[”', close);
    if (open === -1) {
      text += markup.slice(i);
      break;
    }
    // In "[[[SpaceX|spacex]]]" the label is the innermost "[[": extra "[" before it are text.
    let labelStart = open;
    while (markup[labelStart + 2] === '[') labelStart++;
    text += markup.slice(i, labelStart);
    const bodyStart = labelStart + 2;
    const end = markup.indexOf(']]', bodyStart);
    if (end === -1) fail('“[[” without a closing “]]”', labelStart);
    const body = markup.slice(bodyStart, end);
    if (body.includes('[[')) fail('nested “[[”', labelStart);
    const bar = body.lastIndexOf('|');
    if (bar === -1) fail('label without “|entity-id”', labelStart);
    const surface = body.slice(0, bar);
    const entity = body.slice(bar + 1);
    if (surface.includes('|')) fail('more than one “|” in a label', labelStart);
    if (surface.length === 0) fail('empty surface text', labelStart);
    if (surface.trim() !== surface) fail('surface text starts or ends with a space', labelStart);
    if (!KNOWN.has(entity)) fail(`unknown entity id “${entity}”`, labelStart);
    const start = text.length;
    text += surface;
    mentions.push({ entity, start, end: text.length, text: surface });
    i = end + 2;
  }
  return { text, mentions };
}

/** Parses one corpus file's content. `file` is used for ids of blocks without an id line and in errors. */
export function parseCorpusFile(content: string, file: string): Snippet[] {
  const normalised = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const blocks = normalised.split(/^---[ \t]*$/m);
  const stem = basename(file).replace(/\.txt$/, '');
  const snippets: Snippet[] = [];
  blocks.forEach((block, index) => {
    let body = block.replace(/^\n+/, '');
    let id = `${stem}-${index + 1}`;
    const firstLine = body.split('\n', 1)[0] ?? '';
    const idMatch = ID_LINE.exec(firstLine);
    if (idMatch?.[1]) {
      id = idMatch[1];
      body = body.slice(firstLine.length + 1);
    } else if (firstLine.startsWith('# id')) {
      throw new CorpusError(`${file} block ${index + 1}: malformed id line “${firstLine}”`);
    }
    body = body.replace(/^\n+/, '').replace(/\n+$/, '');
    if (body.trim() === '') {
      if (idMatch) throw new CorpusError(`${file} ${id}: empty snippet`);
      return; // trailing separator or blank block
    }
    const { text, mentions } = parseMarkup(body, `${file} ${id}`);
    snippets.push({ id, genre: id.replace(/-\d+$/, ''), file: basename(file), text, mentions });
  });
  return snippets;
}

/** Every snippet of every `tests/corpus/*.txt` (or of `dir`), in file-name order; ids must be unique. */
export function loadCorpus(dir: string = CORPUS_DIR): Snippet[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const snippets = files.flatMap((name) =>
    parseCorpusFile(readFileSync(join(dir, name), 'utf8'), name),
  );
  const seen = new Map<string, string>();
  for (const snippet of snippets) {
    const other = seen.get(snippet.id);
    if (other) throw new CorpusError(`${snippet.file} ${snippet.id}: id already used in ${other}`);
    seen.set(snippet.id, snippet.file);
  }
  return snippets;
}
