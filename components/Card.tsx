/**
 * The hover card's content: who this is, where it stands on each front of the rivalry, a few
 * dated facts, and where that comes from. Rendered inside the `<rivalry-lens>` shadow root, in
 * a popover that `content/card/card-host.ts` owns (it carries the dialog role and the label).
 */

import type { CardModel, SourceView } from '../core/card-model';
import { entityRgb } from '../extension/palette';

export interface CardProps {
  model: CardModel;
  /** "Not this": the user says this wording on this site is not the entity. */
  onNotThis?: () => void;
}

/** The source, short: its publisher, with the title and date on hover. */
function Cite({ source }: { source?: SourceView }) {
  if (!source) return null;
  return (
    <>
      {' · '}
      <cite title={`${source.title} (${source.date})`}>{source.publisher}</cite>
    </>
  );
}

export function Card({ model, onNotThis }: CardProps) {
  return (
    <div class="inner">
      <header>
        <span
          class="swatch"
          aria-hidden="true"
          style={{ background: `rgb(${entityRgb(model.entity)})` }}
        />
        <h2>{model.name}</h2>
        <span class="kind">{model.kind}</span>
      </header>
      <p class="desc">{model.description}</p>
      {model.matched ? <p class="matched">matched “{model.matched}”</p> : null}
      {model.leader ? (
        <p class="leader">
          <strong>{model.kind === 'person' ? 'Role' : 'Led by'}:</strong> {model.leader}
        </p>
      ) : null}
      {model.fronts.length > 0 ? (
        <section aria-label="Rivalry fronts">
          <h3>Rivalry fronts</h3>
          <ul>
            {model.fronts.map((f) => (
              <li key={f.front}>
                <span class="front-name">{f.front}</span> <span class="rival">vs {f.rivals}</span>
                <div class="summary">{f.summary}</div>
                <span class="meta">
                  as of <time>{f.asOf}</time>
                  <Cite source={f.source} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {model.facts.length > 0 ? (
        <section aria-label="Key facts">
          <h3>Key facts</h3>
          <ul>
            {model.facts.map((f) => (
              <li key={`${f.date}${f.text}`}>
                <time>{f.date}</time> — {f.text}
                <span class="meta">
                  {f.asOf ? 'as of that date' : 'dated'}
                  <Cite source={f.source} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <footer>
        <span>
          Rivalry Lens data as of <time>{model.asOf}</time>
        </span>
        {onNotThis ? (
          <button type="button" onClick={onNotThis}>
            Not this
          </button>
        ) : null}
      </footer>
    </div>
  );
}
