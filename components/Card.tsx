/**
 * The hover card's content: who this is, where it stands on each front of the rivalry, a few
 * dated facts, and where that comes from. Rendered inside the `<rivalry-lens>` shadow root, in
 * a popover that `content/card/card-host.ts` owns (it carries the dialog role and the label).
 */

import type { CardModel, SourceView } from '../core/card-model';
import { entityRgb } from '../extension/palette';

export interface CardProps {
  model: CardModel;
  /** "Not this": the reader says this wording is not the entity; the card then shows its undo state. */
  onNotThis?: (scope: 'page' | 'site') => void;
  onUndo?: () => void;
  /** Which mention of the entity this is, shown as "3 of 12". */
  position?: { index: number; total: number };
  onNext?: () => void;
  onPrev?: () => void;
  /** The card's content changed size ("More" opened or closed): place it again. */
  onResize?: () => void;
}

/** How long the card shows its undo state before the host closes it. */
export const UNDO_MS = 6000;

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

export function Card({ model, onNotThis, position, onNext, onPrev }: CardProps) {
  return (
    <>
      <div class="card-body">
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
        <p class="meta">
          Rivalry Lens data as of <time>{model.asOf}</time>
        </p>
      </div>
      <footer class="card-controls">
        {position ? (
          <span class="position" role="status" aria-live="polite">
            {position.index} of {position.total}
          </span>
        ) : null}
        {onPrev ? (
          <button type="button" onClick={onPrev} aria-label="Previous mention">
            ‹ Previous
          </button>
        ) : null}
        {onNext ? (
          <button type="button" onClick={onNext} aria-label="Next mention">
            Next ›
          </button>
        ) : null}
        {onNotThis ? (
          <button type="button" onClick={() => onNotThis('page')}>
            Not this
          </button>
        ) : null}
      </footer>
    </>
  );
}
