/**
 * The "next mention" keyboard shortcut as the browser assigned it, or, where it left it unset
 * (Chromium does for an extension loaded unpacked, and for a key another extension took), where
 * the reader can set it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '../extension/i18n';

/** The manifest's command (wxt.config.ts). */
export const NEXT_MENTION = 'next-mention';
const CHROMIUM_SHORTCUTS = 'chrome://extensions/shortcuts';

type Shortcut = { state: 'asking' } | { state: 'set'; keys: string } | { state: 'unset' };

/** Firefox 137+ opens its shortcut settings itself; older ones and Chromium do not have this. */
type WithSettings = { openShortcutSettings?: () => Promise<void> };

function isFirefox(): boolean {
  return location.protocol === 'moz-extension:';
}

export function ShortcutHint() {
  const [shortcut, setShortcut] = useState<Shortcut>({ state: 'asking' });
  useEffect(() => {
    let alive = true;
    void (async () => {
      let keys: string | undefined;
      try {
        const all = (await browser.commands?.getAll()) ?? [];
        keys = all.find((c) => c.name === NEXT_MENTION)?.shortcut;
      } catch {
        // No commands API (Firefox for Android): no shortcut to offer.
      }
      if (alive) setShortcut(keys ? { state: 'set', keys } : { state: 'unset' });
    })();
    return () => {
      alive = false;
    };
  }, []);

  if (shortcut.state === 'asking') return <p class="shortcut-hint" />;
  if (shortcut.state === 'set')
    return (
      <p class="shortcut-hint" data-state="set">
        {i18n.t('shortcut.label')} <kbd>{shortcut.keys}</kbd>
      </p>
    );
  const commands = browser.commands as (typeof browser.commands & WithSettings) | undefined;
  const firefox = isFirefox();
  const open = firefox
    ? commands?.openShortcutSettings && (() => void commands.openShortcutSettings?.())
    : () => void browser.tabs.create({ url: CHROMIUM_SHORTCUTS });
  return (
    <p class="shortcut-hint" data-state="unset">
      {i18n.t('shortcut.unset')}{' '}
      {open ? (
        <button
          type="button"
          class="link"
          onClick={open}
          title={firefox ? undefined : i18n.t('shortcut.opens', [CHROMIUM_SHORTCUTS])}
        >
          {i18n.t('shortcut.setOne')}
        </button>
      ) : (
        i18n.t('shortcut.firefoxHow')
      )}
    </p>
  );
}
