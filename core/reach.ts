/**
 * How far around a name the matcher reads the words that decide it, in characters of the text
 * as the reader reads it: in a module of its own, since the gate (stage one) must look as far
 * and carries none of the matcher's code.
 */

/** How far around an ambiguous name its context words are looked for. */
export const CONTEXT_REACH = 120;

/** How far before a name a phrase about it may start ("Robert Altman", "banned from X"). */
export const BLOCKER_REACH = 48;
