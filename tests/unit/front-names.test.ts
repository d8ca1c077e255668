import { describe, expect, it } from 'vitest';
import { cardModel } from '../../core/card-model';
import { FRONT_IDS } from '../../core/dataset';
import { dataset } from '../../core/rivalry-data';
import { withLocalFronts } from '../../extension/front-names';
import { loadLocale, useLocale } from '../setup/i18n';

describe('withLocalFronts', () => {
  it('names the fronts in English as the dataset writes them', () => {
    expect(withLocalFronts(dataset).fronts.map((f) => f.name)).toEqual(
      dataset.fronts.map((f) => f.name),
    );
  });

  it('puts the interface’s names on the card’s fronts, and leaves the data’s English', async () => {
    const english = await useLocale('de');
    try {
      const card = cardModel(withLocalFronts(dataset), 'stoke-space');
      const plain = cardModel(dataset, 'stoke-space');
      expect(card?.fronts.map((f) => f.front)).toEqual(['Raumfahrt']);
      // Summaries, descriptions and facts are the dataset's, word for word.
      expect(card?.fronts.map((f) => f.summary)).toEqual(plain?.fronts.map((f) => f.summary));
      expect(card?.description).toBe(plain?.description);
      expect(card?.facts).toEqual(plain?.facts);
    } finally {
      await english();
    }
  });

  it('has a name for every front in every language', async () => {
    for (const lang of ['de', 'en', 'es', 'fr', 'ja']) {
      const messages = await loadLocale(lang);
      for (const id of FRONT_IDS)
        expect(messages[`fronts_${id}`]?.message, `${lang} ${id}`).toBeTruthy();
    }
  });
});
