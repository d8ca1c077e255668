/** The popup's two switches: Rivalry Lens on this site, and the global pause. */
import { paused, setSiteEnabled } from '../extension/settings';
import { disablingSite, siteCoverage, siteOf } from '../extension/site';

export function PopupSwitches(props: {
  /** Host of the active tab's page, when the page can be read. */
  host: string | undefined;
  sites: readonly string[] | undefined;
  isPaused: boolean | undefined;
}) {
  const { host, sites, isPaused } = props;
  const off = host && sites ? disablingSite(host, sites) : undefined;
  const site = off ?? (host ? siteOf(host) : undefined);
  const siteOn = !!host && sites !== undefined && !off;
  const hint = !site
    ? 'This page cannot be read.'
    : off && off !== siteOf(host ?? '')
      ? `Off for all of ${off}, this subdomain included.`
      : siteCoverage(site);
  return (
    <div class="switches">
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={siteOn}
          aria-checked={siteOn}
          disabled={!host || sites === undefined}
          aria-describedby="site-hint"
          onChange={(event) => {
            if (host) void setSiteEnabled(host, event.currentTarget.checked);
          }}
        />
        <span class="switch-label">
          On <b class="site">{site ?? 'this page'}</b>
        </span>
      </label>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={isPaused === true}
          aria-checked={isPaused === true}
          disabled={isPaused === undefined}
          onChange={(event) => void paused.setValue(event.currentTarget.checked)}
        />
        <span class="switch-label">Pause everywhere</span>
      </label>
      <p id="site-hint" class="hint">
        {hint}
      </p>
    </div>
  );
}
