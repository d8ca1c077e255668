/**
 * The popup's two switches: Rivalry Lens on this site, and the global pause. Each label says
 * what the switch is and its state, as a sentence ("Highlight on news.example: on"); while
 * everything is paused the site's switch says paused, not on.
 */
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
  const siteState = isPaused ? 'paused' : siteOn ? 'on' : 'off';
  const hint = !site
    ? 'This page cannot be read.'
    : isPaused
      ? 'This switch works again once the pause is off.'
      : off && off !== siteOf(host ?? '')
        ? `Off for all of ${off}, this subdomain included.`
        : siteCoverage(site);
  return (
    <div class="switches">
      <label class="switch" data-state={siteState}>
        <input
          type="checkbox"
          role="switch"
          checked={siteOn && !isPaused}
          aria-checked={siteOn && !isPaused}
          // While paused, the pause is what to turn off; this switch would change nothing seen.
          disabled={!host || sites === undefined || isPaused !== false}
          aria-describedby="site-hint"
          onChange={(event) => {
            if (host) void setSiteEnabled(host, event.currentTarget.checked);
          }}
        />
        <span class="switch-label">{`Highlight on ${site ?? 'this page'}: ${siteState}`}</span>
      </label>
      <label class="switch" data-state={isPaused ? 'on' : 'off'}>
        <input
          type="checkbox"
          role="switch"
          checked={isPaused === true}
          aria-checked={isPaused === true}
          disabled={isPaused === undefined}
          onChange={(event) => void paused.setValue(event.currentTarget.checked)}
        />
        <span class="switch-label">{`Paused everywhere: ${isPaused ? 'on' : 'off'}`}</span>
      </label>
      <p id="site-hint" class="hint">
        {hint}
      </p>
    </div>
  );
}
