/** Settings that were found corrupt and reset to their default, until dismissed. */
import { SETTINGS } from '../extension/settings';
import { i18n, uiLanguage } from '../extension/i18n';
import { type RepairNotice, repairNotices } from '../extension/settings-repair';

function defaultText(notice: RepairNotice): string {
  const fallback = SETTINGS[notice.setting].fallback;
  if (Array.isArray(fallback)) return i18n.t('options.notices.emptyList');
  return JSON.stringify(fallback);
}

export function OptionsNotices(props: { notices: readonly RepairNotice[] }) {
  if (props.notices.length === 0) return null;
  return (
    <section class="notices" role="alert" aria-labelledby="notices-title">
      <h2 id="notices-title">{i18n.t('options.notices.title')}</h2>
      <ul>
        {props.notices.map((notice) => (
          <li key={notice.setting} data-setting={notice.setting}>
            <b>{SETTINGS[notice.setting].label}</b>{' '}
            {notice.action === 'removed'
              ? i18n.t('options.notices.removed', [defaultText(notice)])
              : i18n.t('options.notices.newer')}
            <details>
              <summary>{i18n.t('options.notices.details')}</summary>
              <p>
                {i18n.t('options.notices.problem', [notice.problem])}
                <br />
                {i18n.t('options.notices.found')} <code>{notice.found}</code>
                <br />
                {new Date(notice.at).toLocaleString(uiLanguage())}
              </p>
            </details>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void repairNotices.setValue([])}>
        {i18n.t('options.notices.dismiss')}
      </button>
    </section>
  );
}
