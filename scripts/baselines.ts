/**
 * Two naive matchers the real one is compared with on the evaluation corpus (issue 2 quotes their
 * scores on the held-out corpus: core F1 0.84 for the regex, 0.46 for fuse.js).
 *
 * Both use the same fixed list of names, kept here rather than read from the dataset so that the
 * baselines do not move when the dataset grows.
 */
import Fuse from 'fuse.js';

export interface BaselineMention {
  entity: string;
  start: number;
  end: number;
  text: string;
}

/** Each entity's main name and its common spellings. */
export const BASELINE_ALIASES: readonly { text: string; entity: string }[] = [
  { text: 'OpenAI', entity: 'openai' },
  { text: 'Open AI', entity: 'openai' },
  { text: 'Open-AI', entity: 'openai' },
  { text: 'SpaceX', entity: 'spacex' },
  { text: 'Space X', entity: 'spacex' },
  { text: 'Space-X', entity: 'spacex' },
  { text: 'Stoke Space', entity: 'stoke-space' },
  { text: 'Neuralink', entity: 'neuralink' },
  { text: 'Sam Altman', entity: 'sam-altman' },
  { text: 'Elon Musk', entity: 'elon-musk' },
  { text: 'xAI', entity: 'xai' },
  { text: 'Twitter', entity: 'x-twitter' },
  { text: 'X Corp', entity: 'x-twitter' },
];

const entityByAlias = new Map(BASELINE_ALIASES.map((a) => [a.text.toLowerCase(), a.entity]));

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Longest first, so "Space X" is not cut short by a shorter alternative at the same position.
const aliasRegex = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:${[...BASELINE_ALIASES]
    .sort((a, b) => b.text.length - a.text.length)
    .map((a) => escapeRegExp(a.text))
    .join('|')})(?![\\p{L}\\p{N}_])`,
  'giu',
);

/** (a) One case-insensitive, word-bounded alternation of the names. */
export function regexBaseline(text: string): BaselineMention[] {
  const mentions: BaselineMention[] = [];
  for (const match of text.matchAll(aliasRegex)) {
    const entity = entityByAlias.get(match[0].toLowerCase());
    if (entity) {
      mentions.push({
        entity,
        start: match.index,
        end: match.index + match[0].length,
        text: match[0],
      });
    }
  }
  return mentions;
}

const fuse = new Fuse(BASELINE_ALIASES, { keys: ['text'], includeScore: true, threshold: 0.4 });

/**
 * (b) fuse.js over word windows: every window of 1–3 words (punctuation trimmed from its ends) is
 * searched in the name list and its best hit kept; overlapping hits are then resolved best score
 * first, so the same name is not reported once per window that contains it.
 */
export function fuseBaseline(text: string): BaselineMention[] {
  const words = [...text.matchAll(/\S+/g)].flatMap((m) => {
    const lead = /^[^\p{L}\p{N}]*/u.exec(m[0])?.[0].length ?? 0;
    const core = m[0].slice(lead).replace(/[^\p{L}\p{N}]+$/u, '');
    return core ? [{ start: m.index + lead, end: m.index + lead + core.length }] : [];
  });
  const hits: (BaselineMention & { score: number })[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 3 && i + n <= words.length; n++) {
      const start = (words[i] as { start: number }).start;
      const end = (words[i + n - 1] as { end: number }).end;
      const best = fuse.search(text.slice(start, end), { limit: 1 })[0];
      if (best) {
        const span = { start, end, text: text.slice(start, end) };
        hits.push({ entity: best.item.entity, score: best.score ?? 1, ...span });
      }
    }
  }
  hits.sort(
    (a, b) => a.score - b.score || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: BaselineMention[] = [];
  for (const { score: _score, ...hit } of hits) {
    if (kept.every((k) => hit.end <= k.start || k.end <= hit.start)) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}
