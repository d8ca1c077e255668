/**
 * A name that is part of an address: a domain ("openai.com", "x.ai"), an e-mail address
 * ("press@stokespace.com"), or a handle squashed from it ("@elonmusk", "@stokespace"). The page
 * is giving where to find the entity, not naming it in its text; a reader would call such
 * highlights noise. A handle that is the name as written ("@SpaceX", "@neuralink") still counts.
 */
import type { Candidate } from './candidate.ts';

/** A domain's dot and top-level label right after the name, then no more of the word. */
const DOMAIN_AFTER = /^\.[a-z]{2,12}(?![\p{L}\p{N}])/u;
/** What is left of a word before "@" in an e-mail address ("press@"). */
const MAILBOX_BEFORE = /[\p{L}\p{N}._%+-]@$/u;

export function inAddress(text: string, cand: Candidate): boolean {
  // (Most candidates have neither a dot after them nor an "@" before: no slicing for those.)
  const dotAfter = text.charCodeAt(cand.end) === 46;
  const atBefore = text.charCodeAt(cand.start - 1) === 64;
  const found = text.slice(cand.start, cand.end);
  // "x.ai", "x.com": a name with a dot in it, all in lower case, is its domain.
  if (found.includes('.') && found === found.toLowerCase() && /\p{L}/u.test(found)) return true;
  if (dotAfter && DOMAIN_AFTER.test(text.slice(cand.end, cand.end + 14))) return true;
  if (!atBefore) return false;
  const before = text.slice(Math.max(0, cand.start - 2), cand.start);
  if (MAILBOX_BEFORE.test(before)) return true;
  // A handle: the name as written (any case, dots and hyphens aside) is a mention; with its
  // spaces squashed out or misspelled, an address.
  const plain = (s: string) => s.toLowerCase().replace(/[.-]/g, '');
  return plain(found) !== plain(cand.alias.written);
}
