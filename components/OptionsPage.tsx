/**
 * The options page. It checks the stored settings when it opens (repairing any that are
 * corrupt) and shows every setting live: a change made in the popup or on another synced
 * browser appears here at once.
 */
import { useEffect } from 'preact/hooks';
import type { EntityId } from '../core/types';
import { drawsHighlightUnderlines } from '../extension/browser-support';
import {
  disabledSites,
  dismissals,
  dwellMs,
  hiddenEntities,
  highlightStyle,
} from '../extension/settings';
import { i18n } from '../extension/i18n';
import { repairNotices, repairSettings } from '../extension/settings-repair';
import { OptionsAppearance } from './OptionsAppearance';
import { OptionsBackup } from './OptionsBackup';
import { OptionsData } from './OptionsData';
import { OptionsDismissals } from './OptionsDismissals';
import { OptionsEntities, type OptionsEntity } from './OptionsEntities';
import { OptionsNotices } from './OptionsNotices';
import { OptionsSites } from './OptionsSites';
import { ShortcutHint } from './ShortcutHint';
import { useSetting } from './use-setting';

export function OptionsPage(props: { entities: readonly OptionsEntity[] }) {
  useEffect(() => {
    void repairSettings();
  }, []);
  const sites = useSetting(disabledSites);
  const hidden = useSetting(hiddenEntities);
  const style = useSetting(highlightStyle);
  const dwell = useSetting(dwellMs);
  const dismissed = useSetting(dismissals);
  const notices = useSetting(repairNotices);
  const names = new Map(props.entities.map((e) => [e.id, e.name]));
  const nameOf = (id: EntityId) => names.get(id) ?? id;
  const ready =
    sites !== undefined &&
    hidden !== undefined &&
    style !== undefined &&
    dwell !== undefined &&
    dismissed !== undefined;

  return (
    <main class="options" aria-busy={!ready}>
      <h1>{i18n.t('options.title')}</h1>
      <p class="explain">{i18n.t('options.dataLanguage')}</p>
      <OptionsNotices notices={notices ?? []} />
      <ShortcutHint />
      {ready && (
        <>
          <OptionsSites sites={sites} />
          <OptionsEntities entities={props.entities} hidden={hidden} />
          <OptionsAppearance
            style={style}
            dwell={dwell}
            sampleEntity={props.entities.find((e) => e.highlight)?.id ?? 'openai'}
            underlines={drawsHighlightUnderlines(navigator.userAgent)}
          />
          <OptionsDismissals dismissals={dismissed} nameOf={nameOf} />
          <OptionsBackup />
          <OptionsData />
        </>
      )}
      <a href="/privacy.html">{i18n.t('popup.privacyPolicy')}</a>
    </main>
  );
}
