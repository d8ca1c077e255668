/**
 * `findMentions(text)` with the bundled dataset: the matcher most callers want.
 * The names are compiled once, on first use, from the same names-only projection the content
 * script ships (`match-data.ts`), so tests and tools measure the matcher pages get.
 */
import { matchData } from './match-data.ts';
import { compileMatcher, type FindOptions, type Matcher } from './matcher.ts';
import { dataset } from './rivalry-data.ts';
import type { Mention } from './types.ts';

let matcher: Matcher | undefined;

/** The matcher compiled from the bundled dataset. */
export function bundledMatcher(): Matcher {
  matcher ??= compileMatcher(matchData(dataset));
  return matcher;
}

/** Every mention of a highlighted entity in `text`, in order, offsets into `text`. */
export function findMentions(text: string, options?: FindOptions): Mention[] {
  return bundledMatcher().findMentions(text, options);
}
