/**
 * The browser's `i18n` for the unit and DOM tests, which WXT's fake browser leaves unmocked:
 * messages come from `locales/<lang>.yml` through the same conversion the build uses, and are
 * filled in as Chromium and Firefox do ("$1" … "$9", "$$" for a dollar sign). English unless a
 * test calls `useLocale`.
 */
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string }>;

const cache = new Map<string, Messages>();

export async function loadLocale(lang: string): Promise<Messages> {
  let messages = cache.get(lang);
  if (!messages) {
    const file = resolve(import.meta.dirname, `../../locales/${lang}.yml`);
    messages = generateChromeMessages(await parseMessagesFile(file)) as Messages;
    cache.set(lang, messages);
  }
  return messages;
}

export function fillIn(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
  );
}

let lang = 'en';
let messages = await loadLocale(lang);

/** The interface language the next render sees; returns a function that goes back to English. */
export async function useLocale(next: string): Promise<() => Promise<void>> {
  lang = next;
  messages = await loadLocale(next);
  return async () => {
    lang = 'en';
    messages = await loadLocale('en');
  };
}

const i18n = fakeBrowser.i18n as unknown as {
  getMessage: (key: string, subs?: string | string[]) => string;
  getUILanguage: () => string;
};
i18n.getMessage = (key, subs) => {
  const message = messages[key]?.message;
  if (message === undefined) return '';
  return fillIn(message, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
};
i18n.getUILanguage = () => lang;
