// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsData } from '../../components/OptionsData';
import { dataset as bundled } from '../../core/rivalry-data';
import { loadActiveDataset } from '../../extension/active-dataset';
import { dataUpdatesOn } from '../../extension/data-update';
import { formatDataDate } from '../../extension/i18n';
import { badFiles, fileVersion, hugeFile, validFile } from '../fixtures/data-update/data-files';
import { useLocale } from '../setup/i18n';

let served = '';
const get = vi.fn(async (_url: string, _init?: RequestInit) => new Response(served));

beforeEach(() => {
  fakeBrowser.reset();
  get.mockClear();
  vi.stubGlobal('fetch', get);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const inUse = () => screen.findByText(/The cards use version/);
const checkbox = () =>
  screen.getByRole('checkbox', { name: /Keep the rivalry data current/ }) as HTMLInputElement;

function choose(text: string, name: string) {
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('the Rivalry data section', () => {
  it('shows the bundled data, the option off, and makes no request', async () => {
    render(<OptionsData />);
    expect((await inUse()).textContent).toBe(
      `The cards use version ${bundled.version} of the data, as of ${formatDataDate(bundled.asOf)}: the data bundled with this release.`,
    );
    await waitFor(() => expect(checkbox().disabled).toBe(false));
    expect(checkbox().checked).toBe(false);
    expect(get).not.toHaveBeenCalled();
  });

  it('turns the option on and off', async () => {
    render(<OptionsData />);
    await waitFor(() => expect(checkbox().disabled).toBe(false));
    fireEvent.click(checkbox());
    await waitFor(async () => expect(await dataUpdatesOn.getValue()).toBe(true));
    expect(checkbox().checked).toBe(true);
  });

  it('Check now takes a newer file and says so', async () => {
    served = JSON.stringify(validFile(2));
    render(<OptionsData />);
    await inUse();
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    await screen.findByText(
      new RegExp(String.raw`Last check .*: Took version ${fileVersion(2)}\.`),
    );
    await waitFor(() =>
      expect(screen.getByText(/The cards use version/).textContent).toMatch(
        new RegExp(String.raw`version ${fileVersion(2)} of the data, as of .*: downloaded on `),
      ),
    );
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('Check now refuses a bad file, lists why, and keeps the data in use', async () => {
    served = badFiles(2).dangling ?? '';
    render(<OptionsData />);
    await inUse();
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/does not pass the checks.*The data in use is kept\./);
    expect(alert.textContent).toMatch(/no source "no-such-source"/);
    expect(screen.getByText(/The cards use version/).textContent).toMatch(
      /the data bundled with this release/,
    );
  });

  it('imports a data file by hand, with the same checks', async () => {
    render(<OptionsData />);
    await inUse();
    choose(hugeFile(2, 1_100_000), 'huge.json');
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /huge\.json is 1\.05 MB, more than the 1 MB/,
    );
    choose(JSON.stringify(validFile(3)), 'v3.json');
    await screen.findByText(
      new RegExp(String.raw`Import .*: Took version ${fileVersion(3)} from v3\.json\.`),
    );
    await waitFor(() =>
      expect(screen.getByText(/The cards use version/).textContent).toMatch(
        new RegExp(String.raw`version ${fileVersion(3)} .*imported from v3\.json on `),
      ),
    );
    expect(get).not.toHaveBeenCalled();
  });

  it('Use the bundled data goes back and turns the option off', async () => {
    await dataUpdatesOn.setValue(true);
    served = JSON.stringify(validFile(2));
    render(<OptionsData />);
    await inUse();
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    await screen.findByText(new RegExp(String.raw`Took version ${fileVersion(2)}`));
    fireEvent.click(screen.getByRole('button', { name: 'Use the bundled data' }));
    await screen.findByText(/The cards use the bundled data again/);
    await waitFor(() =>
      expect(screen.getByText(/The cards use version/).textContent).toMatch(/bundled with this/),
    );
    expect((await loadActiveDataset()).origin).toBe('bundled');
    expect(checkbox().checked).toBe(false);
  });

  it('speaks German, the refusal and the number in it included', async () => {
    const restore = await useLocale('de');
    try {
      render(<OptionsData />);
      expect((await screen.findByText(/Die Karten nutzen Version/)).textContent).toMatch(
        /Stand \d+\. Juni 2026: die mit dieser Version gelieferten Daten\./,
      );
      screen.getByRole('checkbox', { name: /Rivalitätsdaten .* aktuell halten/ });
      choose(hugeFile(2, 1_100_000), 'huge.json');
      expect((await screen.findByRole('alert')).textContent).toMatch(
        /huge\.json ist 1,05 MB groß, .* Die verwendeten Daten bleiben erhalten\./,
      );
      expect(screen.getByRole('button', { name: 'Jetzt prüfen' })).toBeTruthy();
    } finally {
      await restore();
    }
  });
});
