/**
 * The privacy policy, as a page of the extension (entrypoints/privacy). PRIVACY.md says the same
 * for readers of the repository and the stores; a unit test holds both to the stored keys, and
 * the table below is made from the settings' own definitions, so a new setting cannot be left
 * out of it.
 */

import { storedData } from '../extension/active-dataset';
import { DATA_URL } from '../extension/data-source';
import { dataUpdatesOn, lastCheck } from '../extension/data-update';
import type { SettingName } from '../extension/setting-specs';
import { SPECS } from '../extension/setting-specs';
import { repairNotices } from '../extension/settings-repair';
import { placeOf, type StorageKey } from '../extension/storage-layout';

/** The address the data-update option fetches, as this build sets it; PRIVACY.md names it too. */
export const DATA_UPDATE_URL = DATA_URL;

type StoredName = SettingName | 'repairNotices' | 'dataUpdates' | 'dataCheck' | 'rivalryData';

/** What each stored item holds, in words. The type asks for a line per setting. */
export const STORED: Record<StoredName, string> = {
  disabledSites: 'The sites where you turned Rivalry Lens off (site names such as example.com).',
  hiddenEntities: 'The names you chose not to highlight.',
  highlightStyle: 'Fill or underline.',
  dwellMs: 'How long the pointer rests on a name before its card opens.',
  paused: 'Whether Rivalry Lens is paused everywhere.',
  dismissals:
    'The wordings you hid with "Not this": the site, the entity, the wording and, for one page, its path (no query, no fragment).',
  repairNotices:
    'Notices of a stored setting that was unreadable and reset, until you dismiss them on the options page.',
  dataUpdates:
    'Whether you turned on keeping the rivalry data current (off unless you turn it on).',
  dataCheck: 'When the data file was last checked or imported, and what came of it.',
  rivalryData:
    'A newer rivalry data file you downloaded or imported, with the date and the file name; the cards use it instead of the bundled data.',
};

const KEYS: Record<StoredName, StorageKey> = {
  ...(Object.fromEntries(Object.entries(SPECS).map(([name, spec]) => [name, spec.key])) as Record<
    SettingName,
    StorageKey
  >),
  repairNotices: repairNotices.key as StorageKey,
  dataUpdates: dataUpdatesOn.key as StorageKey,
  dataCheck: lastCheck.key as StorageKey,
  rivalryData: storedData.key as StorageKey,
};

/** Every stored item, its storage area and key, in the order of `STORED`. */
export const STORED_ITEMS = (Object.keys(STORED) as StoredName[]).map((name) => ({
  name,
  ...placeOf(KEYS[name]),
  what: STORED[name],
}));

/** The page's words, in one place. */
const TEXT = {
  title: 'Rivalry Lens privacy policy',
  intro:
    'Rivalry Lens reads the pages you open in your browser, and nothing it reads leaves the browser: no page text, no address, no identifier of you or your browser is sent anywhere, to us or anyone. It has no account, no analytics and no advertising.',
  readingTitle: 'What it reads',
  reading:
    'The content script reads the text of the web pages you open, in their tab, to find the names it highlights. The cards’ text comes from the dataset bundled with the extension. The mention counts of your tabs are kept in memory only, and are gone when the browser closes.',
  storedTitle: 'What it stores, and where',
  stored:
    'Your settings are kept by the browser’s extension storage. Items in “sync” follow your browser account to your other computers if you turned on the browser’s own sync (Chrome Sync or Firefox Sync, run by Google or Mozilla, not by us); items in “local” stay on this computer. Beside each item the browser also keeps a version number (the same key ending in $).',
  headings: ['Storage', 'Key', 'What it holds'],
  removing:
    'Uninstalling the extension deletes all of it. The options page lists every setting, exports them as a file and takes them back.',
  updateTitle: 'The one request it can make',
  update: [
    'Rivalry Lens makes no network request of its own, with one exception you choose: the option to update the data (off until you turn it on). When it is on, Rivalry Lens fetches the data file from',
    'at most once a day, and when you press “Check now”. It is a plain GET of that one file: no cookies, no query, nothing about you or the pages you read. As with any download, the server (GitHub) sees your IP address and the browser’s usual request headers.',
  ],
  permissionsTitle: 'Why it asks for its permissions',
  permissions:
    'Access to the pages you visit, to highlight names in them; “storage” for the settings above; “contextMenus” for the menu entry that turns it off on a site; “activeTab” so the popup can tell which tab it was opened on. In Firefox, access to the data file’s host is asked for only when you turn the data update on: without it Firefox would send an identifier of this installation with the request.',
  contactTitle: 'Questions',
  contact:
    'Ask in the project’s issue tracker at https://github.com/rivalry-lens/rivalry-lens/issues. A change of this policy comes with a new version of the extension and is listed in its changelog.',
};

export function PrivacyPolicy() {
  return (
    <main class="options privacy">
      <h1>{TEXT.title}</h1>
      <p>{TEXT.intro}</p>
      <section>
        <h2>{TEXT.readingTitle}</h2>
        <p>{TEXT.reading}</p>
      </section>
      <section>
        <h2>{TEXT.storedTitle}</h2>
        <p>{TEXT.stored}</p>
        <table class="stored">
          <thead>
            <tr>
              {TEXT.headings.map((heading) => (
                <th key={heading}>{heading}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {STORED_ITEMS.map((item) => (
              <tr key={item.name}>
                <td>{item.area}</td>
                <td>
                  <code>{item.key}</code>
                </td>
                <td>{item.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{TEXT.removing}</p>
      </section>
      <section>
        <h2>{TEXT.updateTitle}</h2>
        <p>
          {TEXT.update[0]} <code class="url">{DATA_UPDATE_URL}</code> {TEXT.update[1]}
        </p>
      </section>
      <section>
        <h2>{TEXT.permissionsTitle}</h2>
        <p>{TEXT.permissions}</p>
      </section>
      <section>
        <h2>{TEXT.contactTitle}</h2>
        <p>{TEXT.contact}</p>
      </section>
    </main>
  );
}
