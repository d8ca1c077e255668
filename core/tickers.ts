/**
 * A name written as a stock symbol: after an exchange and a colon ("United States Steel (NYSE:
 * X)", "NASDAQ:X") or as a cashtag ("$X"). The letters are a listed company's symbol there, and
 * "X" is United States Steel's; none of the highlighted entities is listed under its name.
 */
import type { Candidate } from './candidate.ts';

/** An exchange's name, a colon and spaces, right before the name. */
const EXCHANGE_BEFORE =
  /(?:^|[^\p{L}\p{N}])(?:NYSE(?: American| Arca)?|NASDAQ|Nasdaq|AMEX|TSX(?:V)?|LSE|ASX|OTC(?:QX|QB)?|OTC Markets)\s?:\s*$/u;

/** True when the candidate is a stock symbol (see above). */
export function isTicker(text: string, cand: Candidate): boolean {
  const before = text.charCodeAt(cand.start - 1);
  // A cashtag: "$" glued to the letters, not a price ("$X billion" is never written so).
  if (before === 36) return true;
  // Only a colon and spaces can stand between an exchange and its symbol.
  if (before !== 58 && before !== 32 && before !== 160) return false;
  return EXCHANGE_BEFORE.test(text.slice(Math.max(0, cand.start - 24), cand.start));
}
