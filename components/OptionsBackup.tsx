/** Export all settings to a JSON file, and import one (all of it, or nothing). */
import { useState } from 'preact/hooks';
import { SETTINGS } from '../extension/settings';
import { i18n, uiLanguage } from '../extension/i18n';
import { exportSettings, importSettings } from '../extension/settings-file';

type Outcome = { ok: true; text: string } | { ok: false; title: string; errors: string[] };

export function OptionsBackup() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const save = async () => {
    const json = await exportSettings();
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `rivalry-lens-settings-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setOutcome({ ok: true, text: i18n.t('options.backup.saved', [link.download]) });
  };

  const load = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = await importSettings(await file.text());
    setOutcome(
      result.ok
        ? {
            ok: true,
            text:
              result.imported.length === 0
                ? i18n.t('options.backup.empty', [file.name])
                : i18n.t('options.backup.imported', [
                    file.name,
                    new Intl.ListFormat(uiLanguage()).format(
                      result.imported.map((n) => SETTINGS[n].label),
                    ),
                  ]),
          }
        : {
            ok: false,
            title: i18n.t('options.backup.refused', [file.name]),
            errors: result.errors,
          },
    );
  };

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{i18n.t('options.backup.title')}</h2>
      <p class="explain">{i18n.t('options.backup.explain')}</p>
      <div class="buttons">
        <button type="button" onClick={() => void save()}>
          {i18n.t('options.backup.export')}
        </button>
        <label class="file-button">
          {i18n.t('options.backup.import')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void load(e.currentTarget)}
          />
        </label>
      </div>
      <div class="outcome" role="status">
        {outcome?.ok === true && <p>{outcome.text}</p>}
        {outcome?.ok === false && (
          <div class="error" role="alert">
            <p>{outcome.title}</p>
            <ul>
              {outcome.errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
