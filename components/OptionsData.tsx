/**
 * The "Rivalry data" section: which data the cards use (version, as-of date, bundled or taken
 * from a file), the option to keep it current from the published file, "Check now", the import
 * of a data file by hand, and the way back to the bundled data. What a check or an import found
 * stays on screen, with every problem of a refused file. The outcomes' messages come already
 * written in the interface's language (`data-update.ts`); a refused file's problems stay in English.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  type ActiveData,
  loadActiveDataset,
  versionOf,
  watchActiveDataset,
} from '../extension/active-dataset';
import { DATA_URL } from '../extension/data-source';
import {
  checkNow,
  dataUpdatesOn,
  importDataFile,
  lastCheck,
  type Outcome,
  requestHostAccess,
  revertToBundledData,
} from '../extension/data-update';
import { formatDataDate, i18n, uiLanguage } from '../extension/i18n';
import { fillBlank } from './fill-blank';

/** A stored item read once and kept live, undefined until read. */
function useStored<T>(item: {
  getValue(): Promise<T>;
  watch(cb: (next: T) => void): () => void;
}): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const unwatch = item.watch((next) => setValue(() => next));
    void item.getValue().then((first) => {
      if (alive) setValue((current) => (current === undefined ? first : current));
    });
    return () => {
      alive = false;
      unwatch();
    };
  }, [item]);
  return value;
}

function useActiveData(): ActiveData | undefined {
  const [active, setActive] = useState<ActiveData | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void loadActiveDataset().then((data) => {
        if (alive) setActive(data);
      });
    load();
    const unwatch = watchActiveDataset(load);
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return active;
}

const when = (at: number) =>
  new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);

function origin(active: ActiveData): string {
  if (active.origin === 'bundled') return i18n.t('data.bundled');
  if (active.origin === 'file')
    return i18n.t('data.importedFrom', [active.name ?? i18n.t('data.aFile'), when(active.at)]);
  return i18n.t('data.downloaded', [when(active.at)]);
}

function OutcomeView(props: { outcome: Outcome; label: string }) {
  const { outcome } = props;
  const text = i18n.t('data.outcome', [props.label, when(outcome.at), outcome.message]);
  if (outcome.kind !== 'refused') return <p class="data-outcome">{text}</p>;
  return (
    <div class="error data-outcome" role="alert">
      <p>{text}</p>
      {outcome.errors.length > 0 && (
        <ul>
          {outcome.errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function OptionsData() {
  const active = useActiveData();
  const on = useStored(dataUpdatesOn);
  const last = useStored(lastCheck);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<Outcome | null>(null);
  const [reset, setReset] = useState<string | null>(null);

  const check = async () => {
    const access = requestHostAccess();
    setBusy(true);
    setReset(null);
    try {
      await access;
      await checkNow();
    } finally {
      setBusy(false);
    }
  };

  const toggle = (checked: boolean) => {
    setReset(null);
    if (!checked) {
      void dataUpdatesOn.setValue(false);
      return;
    }
    void requestHostAccess().then((granted) =>
      granted ? dataUpdatesOn.setValue(true) : setReset(i18n.t('data.needsAccess')),
    );
  };

  const load = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setReset(null);
    setImported(await importDataFile(file));
  };

  const backToBundled = async () => {
    await revertToBundledData();
    setImported(null);
    setReset(i18n.t('data.reverted'));
  };

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{i18n.t('data.title')}</h2>
      {active && (
        <p class="data-in-use">
          {i18n.t('data.inUse', [
            String(versionOf(active.dataset)),
            formatDataDate(active.dataset.asOf),
            origin(active),
          ])}
        </p>
      )}
      <label class="data-option">
        <input
          type="checkbox"
          checked={on === true}
          disabled={on === undefined}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        {i18n.t('data.option')}
      </label>
      <p class="explain">
        {fillBlank((blank) => i18n.t('data.explain', [blank]), <code>{DATA_URL}</code>)}
      </p>
      <div class="buttons">
        <button type="button" disabled={busy} onClick={() => void check()}>
          {busy ? i18n.t('data.checking') : i18n.t('data.checkNow')}
        </button>
        <label class="file-button">
          {i18n.t('data.importFile')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void load(e.currentTarget)}
          />
        </label>
        <button
          type="button"
          disabled={active?.origin === 'bundled' && on !== true}
          onClick={() => void backToBundled()}
        >
          {i18n.t('data.useBundled')}
        </button>
      </div>
      <div class="outcome" role="status">
        {reset && <p class="data-outcome">{reset}</p>}
        {imported && <OutcomeView outcome={imported} label={i18n.t('data.importLabel')} />}
        {last && <OutcomeView outcome={last} label={i18n.t('data.lastCheckLabel')} />}
      </div>
    </section>
  );
}
