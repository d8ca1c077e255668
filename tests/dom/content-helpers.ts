import { vi } from 'vitest';
/**
 * Stand-ins for the content-script tests: a small regex matcher with the real matcher's
 * contract (offsets into the given text, `seen` read and updated), and a small dataset.
 * The DOM side is tested against these so its tests do not move when the names do.
 */

import * as cardUi from '../../content/card/stage-two';
import * as show from '../../content/lens/show';
import type { MatchFn } from '../../content/scan/match-windows';
import { type CardModel, cardModel } from '../../core/card-model';
import type { Dataset } from '../../core/dataset';
import type { EntityId, Mention } from '../../core/types';

const NAMES: [RegExp, EntityId, Mention['via']][] = [
  [/\bStoke\s+Space\b/g, 'stoke-space', 'variant'],
  [/\bNeuralink\b/g, 'neuralink', 'exact'],
  [/\bNueralink\b/g, 'neuralink', 'fuzzy'],
  [/\bOpenAI\b/g, 'openai', 'exact'],
  [/\bSpaceX\b/g, 'spacex', 'exact'],
  [/\bElon\s+Musk\b/g, 'elon-musk', 'exact'],
  [/\bSam\s+Altman\b/g, 'sam-altman', 'exact'],
];

/** Counts calls and the longest text it was given, to check windowing, and the texts. */
export const calls = { count: 0, longest: 0, texts: [] as string[] };

export const fakeMatch: MatchFn = (text, options) => {
  calls.count++;
  calls.texts.push(text);
  calls.longest = Math.max(calls.longest, text.length);
  const out: Mention[] = [];
  for (const [re, entity, via] of NAMES) {
    for (const m of text.matchAll(re)) {
      out.push({
        entity,
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        score: via === 'exact' ? 1 : 0.8,
        via,
      });
      options?.seen?.add(entity);
    }
  }
  // "Musk" alone counts only once Elon Musk was named (in this text or before).
  for (const m of text.matchAll(/\bMusk\b/g)) {
    if (out.some((o) => o.start <= m.index && m.index < o.end)) continue;
    if (!options?.seen?.has('elon-musk')) {
      options?.undecided?.add('elon-musk');
      continue;
    }
    out.push({
      entity: 'elon-musk',
      start: m.index,
      end: m.index + 4,
      text: 'Musk',
      score: 0.7,
      via: 'context',
    });
  }
  return out.sort((a, b) => a.start - b.start);
};

export const fakeData: Dataset = {
  version: 1,
  asOf: '2025-06-01',
  fronts: [
    { id: 'ai', name: 'AI', description: 'Frontier AI labs.' },
    { id: 'space', name: 'Space', description: 'Launch and rockets.' },
    { id: 'bci', name: 'Brain–computer interfaces', description: 'Implants.' },
    { id: 'social', name: 'Social', description: 'Social networks.' },
  ],
  sources: [
    {
      id: 'src-a',
      title: 'Altman and Stoke',
      publisher: 'Example News',
      date: '2025-03-02',
      url: 'https://news.example/altman-stoke',
    },
    // Without an address, which the schema now refuses, to keep the card's unlinked fallback tested.
    {
      id: 'src-b',
      title: 'Launch log',
      publisher: 'Rocket Weekly',
      date: '2024-11-20',
    } as Dataset['sources'][number],
  ],
  entities: [
    {
      id: 'stoke-space',
      name: 'Stoke Space',
      kind: 'company',
      highlight: true,
      description: 'Reusable-rocket start-up in Kent, Washington.',
      leaders: [{ name: 'Andy Lapsa', role: 'CEO' }],
      aliases: [{ text: 'Stoke Space' }, { text: 'Stoke', ambiguous: true }],
      fronts: [
        {
          front: 'space',
          rivals: ['spacex'],
          summary: 'Altman explored a deal with Stoke Space; talks ended.',
          asOf: '2025-03-01',
          source: 'src-a',
        },
      ],
      facts: [
        { text: 'Nova rocket first hop.', date: '2023-09-01', source: 'src-b' },
        { text: 'Raised a Series C.', date: '2025-01-15', source: 'src-a', fronts: ['space'] },
        { text: 'Founded by ex-Blue Origin engineers.', date: '2019', source: 'src-b' },
        { text: 'Pad at Cape Canaveral LC-14.', date: '2024-02', source: 'src-b' },
        { text: 'Oldest fact, must be cut.', date: '2018', source: 'src-b' },
      ],
    },
    {
      id: 'spacex',
      name: 'SpaceX',
      kind: 'company',
      highlight: true,
      description: 'Launch provider led by Elon Musk.',
      leaders: [{ name: 'Elon Musk', role: 'CEO', entity: 'elon-musk' }],
      aliases: [{ text: 'SpaceX' }],
      fronts: [],
      facts: [{ text: 'Starship flight.', date: '2025-05-27', source: 'src-b' }],
    },
    {
      id: 'neuralink',
      name: 'Neuralink',
      kind: 'company',
      highlight: true,
      description: 'Brain implant company.',
      leaders: [],
      aliases: [{ text: 'Neuralink', fuzzy: true }],
      fronts: [],
      facts: [],
    },
    {
      id: 'openai',
      name: 'OpenAI',
      kind: 'company',
      highlight: true,
      description: 'AI lab.',
      leaders: [{ name: 'Sam Altman', role: 'CEO', entity: 'sam-altman' }],
      aliases: [{ text: 'OpenAI' }],
      fronts: [],
      facts: [],
    },
    {
      id: 'elon-musk',
      name: 'Elon Musk',
      kind: 'person',
      highlight: true,
      description: 'Runs SpaceX, Tesla, xAI.',
      leaders: [],
      aliases: [{ text: 'Elon Musk' }, { text: 'Musk', ambiguous: true }],
      fronts: [],
      facts: [],
    },
    {
      id: 'sam-altman',
      name: 'Sam Altman',
      kind: 'person',
      highlight: true,
      description: 'CEO of OpenAI.',
      leaders: [],
      aliases: [{ text: 'Sam Altman' }],
      fronts: [],
      facts: [],
    },
  ],
};

/** Waits until `fn` stops throwing (the scanner works in timer-driven slices). */
/** What the content script is given in place of the dataset: the entities, and cards on request. */
export const fakeEntities = (): EntityId[] =>
  fakeData.entities.filter((e) => e.highlight).map((e) => e.id);

/** The background's side of `getCard`, counted; answers after a turn, as a message would. */
export const cardRequests: EntityId[] = [];
export const fakeCard = (entity: EntityId): Promise<CardModel | null> => {
  cardRequests.push(entity);
  return new Promise((ok) => setTimeout(() => ok(cardModel(fakeData, entity)), 0));
};

/**
 * Fakes only the clock that content code schedules its debounces and slices on (`setTimeout`):
 * happy-dom's animation frames and mutation callbacks, and `performance.now()`, stay real, so a
 * scan still ends its slices and a frame still comes.
 */
export function useFakeTimeouts(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

/**
 * With `useFakeTimeouts`: moves the clock on a millisecond at a time until `fn` stops throwing,
 * and gives the milliseconds that took. `until` cannot be used there: its own wait is a timeout.
 */
export async function advanceUntil(fn: () => void, maxMs = 5000): Promise<number> {
  for (let ms = 0; ; ms++) {
    try {
      fn();
      return ms;
    } catch (e) {
      if (ms >= maxMs) throw e;
    }
    await vi.advanceTimersByTimeAsync(1);
  }
}

export async function until(fn: () => void, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      fn();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

/** The lens's part loaded with the first mention: here the module itself, at once. */
export const loadShow = () => Promise.resolve(show);

/** The card UI as the content script loads it: here the module itself, at once. */
export const loadUi = () => Promise.resolve(cardUi);
