/**
 * A name written as a stock symbol: in capitals, after an exchange and a colon ("United States
 * Steel (NYSE: X)", "NASDAQ:X") or as a cashtag ("$X"). "X" was United States Steel's symbol
 * until its takeover in 2025, and older articles and market pages still carry it; none of the
 * highlighted entities is listed under its name.
 */
import type { Candidate } from './candidate.ts';

/**
 * An exchange's name right before the colon (the slice ends at the colon). Not "LSE", which is as
 * often the London School of Economics ("at the LSE: X is losing users").
 */
const EXCHANGE =
  /(?:^|[^\p{L}\p{N}])(?:NYSE(?: American| Arca)?|NASDAQ|Nasdaq|AMEX|TSXV?|OTC(?:QX|QB)?)\s?$/u;
/** A symbol's shape: one to five capitals ("X", "XAI"); a name in any other case is prose. */
const SYMBOL = /^[A-Z]{1,5}$/;

/** True when the candidate is a stock symbol (see above). */
export function isTicker(text: string, cand: Candidate): boolean {
  let i = cand.start - 1;
  const before = text.charCodeAt(i);
  // Most candidates have a space or a letter before them, and no colon or "$" within two.
  if (before === 36) return SYMBOL.test(text.slice(cand.start, cand.end));
  if (before === 32 || before === 160) i--;
  if (text.charCodeAt(i) !== 58) return false;
  if (!SYMBOL.test(text.slice(cand.start, cand.end))) return false;
  return EXCHANGE.test(text.slice(Math.max(0, i - 14), i));
}
