import { readFileSync } from 'node:fs';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_UPDATE_URL, PrivacyPolicy, STORED_ITEMS } from '../../components/PrivacyPolicy';
import { SETTING_NAMES } from '../../extension/setting-specs';
import { useLocale } from '../setup/i18n';

const markdown = readFileSync('PRIVACY.md', 'utf8');
const places = STORED_ITEMS;

afterEach(cleanup);

describe('privacy policy', () => {
  it('names every stored item: the settings, the repair notices and the data update', () => {
    expect(STORED_ITEMS.map((item) => item.name).sort()).toEqual(
      [...SETTING_NAMES, 'repairNotices', 'dataUpdates', 'dataCheck', 'rivalryData'].sort(),
    );
  });

  it('shows each stored key with its storage area on the page', () => {
    render(<PrivacyPolicy />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(
      rows.map((row) => [...row.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)),
    ).toEqual(places.map((p) => [p.area, p.key]));
    expect(document.body.textContent).toContain(DATA_UPDATE_URL);
  });

  it('PRIVACY.md lists the same keys in the same areas, and the same address', () => {
    const table = [...markdown.matchAll(/^\| `(sync|local)` \| `(\w+)` \|/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(table).toEqual(places.map((p) => [p.area, p.key]));
    expect(markdown).toContain(DATA_UPDATE_URL);
  });

  it('reads in German, the stored items and the address inside a German sentence', async () => {
    const restore = await useLocale('de');
    try {
      render(<PrivacyPolicy />);
      screen.getByRole('heading', { name: 'Datenschutzerklärung von Rivalry Lens' });
      screen.getByRole('columnheader', { name: 'Schlüssel' });
      expect(document.body.textContent).toContain('Füllung oder Unterstreichung.');
      const url = screen.getByText(DATA_UPDATE_URL);
      expect(url.parentElement?.textContent).toMatch(
        new RegExp(
          `lädt Rivalry Lens die Datendatei höchstens einmal am Tag von ${DATA_UPDATE_URL.replace(/[.?/]/g, '\\$&')}, und wenn`,
        ),
      );
      expect(document.body.textContent).toContain('(derselbe Schlüssel mit $ am Ende)');
    } finally {
      await restore();
    }
  });
});
