/**
 * The five interface languages (locales/*.yml) against English, the default: the same keys, the
 * same blanks to fill in, plural forms the code can pick from, and a manifest description the
 * stores accept.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

const DIR = resolve(import.meta.dirname, '../../locales');
const LANGS = readdirSync(DIR)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => f.replace(/\.yml$/, ''))
  .sort();

type Parsed = Awaited<ReturnType<typeof parseMessagesFile>>;
const load = async (lang: string): Promise<Map<string, Parsed[number]>> =>
  new Map((await parseMessagesFile(resolve(DIR, `${lang}.yml`))).map((m) => [m.key.join('.'), m]));

const textOf = (m: Parsed[number]): string =>
  m.type === 'plural' ? Object.values(m.plurals).join(' | ') : (m as { message: string }).message;
const blanks = (text: string): string[] => [...new Set(text.match(/\$[1-9]/g) ?? [])].sort();

describe('interface languages', () => {
  it('are the five the issue names', () => {
    expect(LANGS).toEqual(['de', 'en', 'es', 'fr', 'ja']);
  });

  it.each(LANGS.filter((l) => l !== 'en'))(
    '%s has every English key and no other',
    async (lang) => {
      const en = await load('en');
      const other = await load(lang);
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    },
  );

  it.each(LANGS.filter((l) => l !== 'en'))('%s fills in the blanks English has', async (lang) => {
    const en = await load('en');
    const other = await load(lang);
    for (const [key, message] of en) {
      const theirs = other.get(key);
      if (!theirs) continue;
      expect({ key, blanks: blanks(textOf(theirs)) }).toEqual({
        key,
        blanks: blanks(textOf(message)),
      });
      expect({ key, plural: theirs.type === 'plural' }).toEqual({
        key,
        plural: message.type === 'plural',
      });
    }
  });

  it.each(LANGS)('%s describes the extension in at most 132 characters', async (lang) => {
    const description = (await load(lang)).get('ext.description');
    expect(description).toBeDefined();
    const text = textOf(description as Parsed[number]);
    expect(text.length).toBeGreaterThan(20);
    expect(text.length).toBeLessThanOrEqual(132);
  });

  it.each(LANGS)('%s writes no message empty', async (lang) => {
    for (const [key, message] of await load(lang)) {
      expect({ key, empty: textOf(message).trim() === '' }).toEqual({ key, empty: false });
    }
  });
});
