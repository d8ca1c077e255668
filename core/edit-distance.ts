/**
 * Edit distances between folded keys, apart from fuse.js: the checks of short names' typos
 * (`fuzzy-names.ts`) need them without its index.
 */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function osaDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] as number;
}

/** How many edits a name of this many letters tolerates. */
export function allowedEdits(keyLength: number): number {
  return keyLength >= 13 ? 2 : keyLength >= 8 ? 1 : 0;
}

/** True when `a` is `b` with two neighbouring letters swapped ("sapcex" for "spacex"). */
export function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return (
    i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  );
}

/**
 * `word` with two neighbouring letters swapped, each way but the first letter's ("stoek",
 * "sotke" for "stoke"; "tsoke" would make "Leon" of "Elon").
 */
export function innerSwaps(word: string): string[] {
  const out: string[] = [];
  for (let i = 1; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1])
      out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}
