/** Settings that were found corrupt and reset to their default, until dismissed. */
import { SETTINGS } from '../extension/settings';
import { type RepairNotice, repairNotices } from '../extension/settings-repair';

function defaultText(notice: RepairNotice): string {
  const fallback = SETTINGS[notice.setting].fallback;
  if (Array.isArray(fallback)) return 'an empty list';
  return JSON.stringify(fallback);
}

export function OptionsNotices(props: { notices: readonly RepairNotice[] }) {
  if (props.notices.length === 0) return null;
  return (
    <section class="notices" role="alert" aria-labelledby="notices-title">
      <h2 id="notices-title">Some settings were reset</h2>
      <ul>
        {props.notices.map((notice) => (
          <li key={notice.setting} data-setting={notice.setting}>
            <b>{SETTINGS[notice.setting].label}</b>{' '}
            {notice.action === 'removed'
              ? `held a value Rivalry Lens could not read, so it was reset to its default (${defaultText(notice)}). Your other settings are unchanged.`
              : 'holds a value saved by a newer version of Rivalry Lens; this version uses the default until it is updated.'}
            <details>
              <summary>Details</summary>
              <p>
                Problem: {notice.problem}
                <br />
                Found: <code>{notice.found}</code>
                <br />
                {new Date(notice.at).toLocaleString()}
              </p>
            </details>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void repairNotices.setValue([])}>
        Dismiss
      </button>
    </section>
  );
}
