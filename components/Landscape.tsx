/**
 * "Wider landscape": the dataset's facts about the industry that belong to no entity (the
 * hypersonic start-ups, the chips), each with its source, and the entities no page highlights,
 * each opening its card. Without it those parts of the data never reach a reader (issue 17).
 */
import { landscapeFacts } from '../core/card-model';
import type { Dataset } from '../core/dataset';
import { formatDataDate, i18n } from '../extension/i18n';
import type { OpenCard } from './PopupFold';
import { SourceLink } from './SourceLink';

export function Landscape(props: { data: Dataset; open: OpenCard }) {
  const { data, open } = props;
  const facts = landscapeFacts(data);
  const others = data.entities.filter((e) => !e.highlight);
  return (
    <div class="landscape">
      {facts.length > 0 ? (
        <>
          <p class="landscape-title" id="landscape-facts">
            {i18n.t('popup.factsTitle')}
          </p>
          <ul class="landscape-facts" aria-labelledby="landscape-facts">
            {facts.map((f) => (
              <li key={`${f.date}${f.text}`}>
                <time dateTime={f.date}>{formatDataDate(f.date)}</time> {f.text}{' '}
                <SourceLink source={f.source} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {others.length > 0 ? (
        <>
          <p class="others-title" id="landscape-others">
            {i18n.t('popup.othersTitle')}
          </p>
          <ul class="others" aria-labelledby="landscape-others">
            {others.map((e) => (
              <li key={e.id}>
                <button
                  type="button"
                  class="link"
                  data-opens={e.id}
                  title={i18n.t('card.showCard', [e.name])}
                  onClick={() => open(e.id)}
                >
                  {e.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
