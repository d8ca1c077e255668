/**
 * What the toolbar button says about a tab: on, off for this site, or paused everywhere. One
 * function maps the state to the button's title, badge and icon.
 */
import { i18n } from './i18n';
import { disablingSite, siteOf as siteOfHost } from './site';

export type ToolbarState = 'on' | 'site-off' | 'paused';

/** The grey of an "off" or paused badge: it must not read as a count. */
export const OFF_BADGE_COLOR = '#6b7280';

/** The pause wins over the site's own switch, as it does on the page. */
export function toolbarState(
  host: string | undefined,
  sites: readonly string[],
  isPaused: boolean,
): ToolbarState {
  if (isPaused) return 'paused';
  if (host && disablingSite(host, sites)) return 'site-off';
  return 'on';
}

export interface ToolbarLook {
  title: string;
  /** The badge's text, or `null` to show the tab's mention count. */
  badge: string | null;
  /** The badge's colour, or `null` for the accent colour of a count. */
  badgeColor: string | null;
  /** Icon paths by size for `action.setIcon`, or `null` to keep the manifest's icon. */
  icon: Record<number, string> | null;
}

/** Every toolbar state, in the order the build draws their icons (build/icons.ts). */
export const TOOLBAR_STATES: readonly ToolbarState[] = ['on', 'site-off', 'paused'];
/** The sizes a toolbar button is drawn at: 16 px, and 32 px on a high-density screen. */
export const TOOLBAR_ICON_SIZES = [16, 32] as const;

/** A state's icon at one size, as the build writes it and `action.setIcon` names it. */
export function stateIconPath(state: ToolbarState, size: number): string {
  return `icon/${state}-${size}.png`;
}

/** The state icons' files, which build/icons.ts generates from assets/icon.svg. */
export const STATE_ICON_FILES: readonly string[] = TOOLBAR_STATES.flatMap((state) =>
  TOOLBAR_ICON_SIZES.map((size) => stateIconPath(state, size)),
);

/** A state's icons by size, or `null` if one is missing (the manifest's icon stays). */
function stateIcon(state: ToolbarState, files: readonly string[]): Record<number, string> | null {
  const paths = TOOLBAR_ICON_SIZES.map((size) => [size, stateIconPath(state, size)] as const);
  if (!paths.every(([, path]) => files.includes(path))) return null;
  return Object.fromEntries(paths);
}

/** The toolbar button for a tab in `state`; `site` (the one turned off, or the tab's) names it. */
export function toolbarLook(
  state: ToolbarState,
  site: string | undefined,
  files: readonly string[] = STATE_ICON_FILES,
): ToolbarLook {
  const icon = stateIcon(state, files);
  switch (state) {
    case 'paused':
      return {
        title: i18n.t('toolbar.paused'),
        badge: '||',
        badgeColor: OFF_BADGE_COLOR,
        icon,
      };
    case 'site-off':
      return {
        title: site ? i18n.t('toolbar.offOn', [site]) : i18n.t('toolbar.offHere'),
        badge: i18n.t('toolbar.badgeOff'),
        badgeColor: OFF_BADGE_COLOR,
        icon,
      };
    case 'on':
      return {
        title: site ? i18n.t('toolbar.onFor', [site]) : i18n.t('ext.name'),
        badge: null,
        badgeColor: null,
        icon,
      };
  }
}

/** The look of a tab's button on `host` (unknown before its page reports) under these settings. */
export function lookFor(
  host: string | undefined,
  sites: readonly string[],
  isPaused: boolean,
): ToolbarLook {
  const state = toolbarState(host, sites, isPaused);
  const site = host ? (disablingSite(host, sites) ?? siteOfHost(host)) : undefined;
  return toolbarLook(state, site);
}
