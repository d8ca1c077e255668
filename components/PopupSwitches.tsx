/**
 * The popup's two switches: Rivalry Lens on this site, and the global pause. Each label says
 * what the switch is and its state, as a sentence ("Highlight on news.example: on"); while
 * everything is paused the site's switch says paused, not on.
 */
import { paused, setSiteEnabled } from '../extension/settings';
import { i18n } from '../extension/i18n';
import { disablingSite, isIpAddress, siteOf } from '../extension/site';

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
    ? i18n.t('switches.cannotRead')
    : isPaused
      ? i18n.t('switches.worksAfterPause')
      : off && off !== siteOf(host ?? '')
        ? i18n.t('switches.offForParent', [off])
        : isIpAddress(site)
          ? i18n.t('switches.coversIp', [site])
          : i18n.t('switches.coversSite', [site]);
  const siteName = site ?? i18n.t('switches.thisPage');
  const siteLabel =
    siteState === 'paused'
      ? i18n.t('switches.sitePaused', [siteName])
      : siteState === 'on'
        ? i18n.t('switches.siteOn', [siteName])
        : i18n.t('switches.siteOff', [siteName]);
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
        <span class="switch-label">{siteLabel}</span>
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
        <span class="switch-label">
          {isPaused ? i18n.t('switches.pausedOn') : i18n.t('switches.pausedOff')}
        </span>
      </label>
      <p id="site-hint" class="hint">
        {hint}
      </p>
    </div>
  );
}
