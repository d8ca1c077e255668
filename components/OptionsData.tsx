/**
 * The "Rivalry data" section: which data the cards use (version, as-of date, bundled or taken
 * from a file), the option to keep it current from the published file, "Check now", the import
 * of a data file by hand, and the way back to the bundled data. What a check or an import found
 * stays on screen, with every problem of a refused file.
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
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function origin(active: ActiveData): string {
  if (active.origin === 'bundled') return 'the data bundled with this release';
  if (active.origin === 'file')
    return `imported from ${active.name ?? 'a file'} on ${when(active.at)}`;
  return `downloaded on ${when(active.at)}`;
}

function OutcomeView(props: { outcome: Outcome; label: string }) {
  const { outcome } = props;
  const text = `${props.label} (${when(outcome.at)}): ${outcome.message}`;
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
      granted
        ? dataUpdatesOn.setValue(true)
        : setReset('Keeping the data current needs access to the data file’s host; it stays off.'),
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
    setReset('The cards use the bundled data again; keeping it current is off.');
  };

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">Rivalry data</h2>
      {active && (
        <p class="data-in-use">
          The cards use version {versionOf(active.dataset)} of the data, as of {active.dataset.asOf}
          : {origin(active)}.
        </p>
      )}
      <label class="data-option">
        <input
          type="checkbox"
          checked={on === true}
          disabled={on === undefined}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        Keep the rivalry data current from the published data file
      </label>
      <p class="explain">
        Off, Rivalry Lens makes no request unless you click Check now. On, it downloads{' '}
        <code>{DATA_URL}</code> at most once a day: a plain request for the file, without cookies,
        and with nothing about you or the pages you read. A file is taken only if it passes the same
        checks as the bundled data and is newer.
      </p>
      <div class="buttons">
        <button type="button" disabled={busy} onClick={() => void check()}>
          {busy ? 'Checking…' : 'Check now'}
        </button>
        <label class="file-button">
          Import a data file…
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
          Use the bundled data
        </button>
      </div>
      <div class="outcome" role="status">
        {reset && <p class="data-outcome">{reset}</p>}
        {imported && <OutcomeView outcome={imported} label="Import" />}
        {last && <OutcomeView outcome={last} label="Last check" />}
      </div>
    </section>
  );
}
