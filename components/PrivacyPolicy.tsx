/**
 * The privacy policy, as a page of the extension (entrypoints/privacy). PRIVACY.md says the same
 * for readers of the repository and the stores; a unit test holds both to the stored keys, and
 * the table below is made from the settings' own definitions, so a new setting cannot be left
 * out of it. The page speaks the interface's language (`privacy.*` in locales/*.yml); PRIVACY.md
 * stays in English, the language of the repository and of the stores' review.
 */

import { storedData } from '../extension/active-dataset';
import { DATA_URL } from '../extension/data-source';
import { dataUpdatesOn, lastCheck } from '../extension/data-update';
import { i18n } from '../extension/i18n';
import type { SettingName } from '../extension/setting-specs';
import { SPECS } from '../extension/setting-specs';
import { repairNotices } from '../extension/settings-repair';
import { placeOf, type StorageKey } from '../extension/storage-layout';
import { fillBlank } from './fill-blank';

/** The address the data-update option fetches, as this build sets it; PRIVACY.md names it too. */
export const DATA_UPDATE_URL = DATA_URL;

type StoredName = SettingName | 'repairNotices' | 'dataUpdates' | 'dataCheck' | 'rivalryData';

/**
 * What each stored item holds, in words of the interface's language. The type asks for a line
 * per setting.
 */
export const STORED: Record<StoredName, `privacy.items.${StoredName}`> = {
  disabledSites: 'privacy.items.disabledSites',
  hiddenEntities: 'privacy.items.hiddenEntities',
  highlightStyle: 'privacy.items.highlightStyle',
  dwellMs: 'privacy.items.dwellMs',
  paused: 'privacy.items.paused',
  dismissals: 'privacy.items.dismissals',
  repairNotices: 'privacy.items.repairNotices',
  dataUpdates: 'privacy.items.dataUpdates',
  dataCheck: 'privacy.items.dataCheck',
  rivalryData: 'privacy.items.rivalryData',
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
}));

export function PrivacyPolicy() {
  return (
    <main class="options privacy">
      <h1>{i18n.t('privacy.title')}</h1>
      <p>{i18n.t('privacy.intro')}</p>
      <section>
        <h2>{i18n.t('privacy.readingTitle')}</h2>
        <p>{i18n.t('privacy.reading')}</p>
      </section>
      <section>
        <h2>{i18n.t('privacy.storedTitle')}</h2>
        <p>{i18n.t('privacy.stored')}</p>
        <table class="stored">
          <thead>
            <tr>
              <th>{i18n.t('privacy.headStorage')}</th>
              <th>{i18n.t('privacy.headKey')}</th>
              <th>{i18n.t('privacy.headWhat')}</th>
            </tr>
          </thead>
          <tbody>
            {STORED_ITEMS.map((item) => (
              <tr key={item.name}>
                <td>{item.area}</td>
                <td>
                  <code>{item.key}</code>
                </td>
                <td>{i18n.t(STORED[item.name])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{i18n.t('privacy.removing')}</p>
      </section>
      <section>
        <h2>{i18n.t('privacy.updateTitle')}</h2>
        <p>
          {fillBlank(
            (blank) => i18n.t('privacy.update', [blank]),
            <code class="url">{DATA_UPDATE_URL}</code>,
          )}
        </p>
      </section>
      <section>
        <h2>{i18n.t('privacy.permissionsTitle')}</h2>
        <p>{i18n.t('privacy.permissions')}</p>
      </section>
      <section>
        <h2>{i18n.t('privacy.contactTitle')}</h2>
        <p>{i18n.t('privacy.contact')}</p>
      </section>
    </main>
  );
}
