/**
 * The hover card's content, compact like a page preview: who this is, one line on each front of
 * the rivalry, and the date of the data; the dated facts and their sources behind "More".
 * Rendered inside the `<rivalry-lens>` shadow root, in a popover that
 * `content/card/card-host.ts` owns (it carries the dialog role and the label).
 */

import type { Ref } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CardModel, SourceView } from '../core/card-model';
import { entityRgb } from '../extension/palette';

export interface CardProps {
  model: CardModel;
  /** "Not this" with the reader's choice of scope; the card then shows its undo state. */
  onNotThis?: (scope: 'page' | 'site') => void;
  /** Undo of the dismissal just made from this card. */
  onUndo?: () => void;
  /** "3 of 12": this mention's place among the page's mentions (shown when given). */
  position?: { index: number; total: number };
  onNext?: () => void;
  onPrev?: () => void;
  /** The card's content changed size (More opened or closed): the host places it again. */
  onResize?: () => void;
}

/** How long the card shows its undo state after "Not this" before the host closes it. */
export const UNDO_MS = 6000;

type NotThisStep = 'idle' | 'choosing' | 'page' | 'site';

/** A source, short: "Reuters, 2025-12-05", a link to it when the dataset has its address. */
function SourceLink({ source }: { source?: SourceView }) {
  if (!source) return null;
  const label = `${source.publisher}, ${source.date}`;
  return (
    <span class="source">
      {source.url ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
          {label}
        </a>
      ) : (
        <span title={source.title}>{label}</span>
      )}
    </span>
  );
}

function Position(props: Pick<CardProps, 'position' | 'onNext' | 'onPrev'>) {
  const { position, onNext, onPrev } = props;
  if (!position && !onNext && !onPrev) return null;
  return (
    <span class="nav">
      {onPrev ? (
        <button type="button" class="icon" aria-label="Previous mention" onClick={onPrev}>
          ‹
        </button>
      ) : null}
      {position ? (
        <span class="pos" role="status" aria-live="polite">
          {position.index} of {position.total}
        </span>
      ) : null}
      {onNext ? (
        <button type="button" class="icon" aria-label="Next mention" onClick={onNext}>
          ›
        </button>
      ) : null}
    </span>
  );
}

function More({ model }: { model: CardModel }) {
  return (
    <div class="more" id="card-more">
      {model.leader ? (
        <p class="leader">
          {model.kind === 'person' ? 'Role: ' : 'Led by '}
          {model.leader}
        </p>
      ) : null}
      {model.fronts.map((f) => (
        <p key={f.front} class="summary">
          <span class="front-name">{f.front}:</span> {f.summary} <SourceLink source={f.source} />
        </p>
      ))}
      {model.facts.length > 0 ? (
        <ul class="facts" aria-label="Facts">
          {model.facts.map((f) => (
            <li key={`${f.date}${f.text}`}>
              <time>{f.date}</time> {f.text} <SourceLink source={f.source} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** "Not this", then where (this page by default, or the whole site), then its undo state. */
function NotThis({ model, onNotThis, onUndo }: Pick<CardProps, 'model' | 'onNotThis' | 'onUndo'>) {
  const [step, setStep] = useState<NotThisStep>('idle');
  const focusNext = useRef(false);
  const box = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    // Keyboard readers stay where the action moved: the first button of the new step.
    if (!focusNext.current) return;
    focusNext.current = false;
    box.current?.querySelector('button')?.focus();
  });
  const go = (next: NotThisStep) => {
    focusNext.current = true;
    setStep(next);
  };
  if (!onNotThis) return null;
  if (step === 'page' || step === 'site') {
    return (
      <div class="not-this" ref={box as Ref<HTMLDivElement>} role="status">
        <span>{step === 'page' ? 'Hidden on this page.' : 'Hidden on this site.'}</span>
        {onUndo ? (
          <button
            type="button"
            onClick={() => {
              go('idle');
              onUndo();
            }}
          >
            Undo
          </button>
        ) : null}
      </div>
    );
  }
  if (step === 'choosing') {
    const choose = (scope: 'page' | 'site') => {
      go(scope);
      onNotThis(scope);
    };
    return (
      <fieldset
        class="not-this"
        ref={box as unknown as Ref<HTMLFieldSetElement>}
        aria-label={`This is not ${model.name}`}
      >
        <span>Hide it:</span>
        <button type="button" onClick={() => choose('page')}>
          On this page
        </button>
        <button type="button" onClick={() => choose('site')}>
          On this site
        </button>
        <button type="button" class="quiet" onClick={() => go('idle')}>
          Cancel
        </button>
      </fieldset>
    );
  }
  return (
    <div class="not-this" ref={box as Ref<HTMLDivElement>}>
      <button type="button" onClick={() => go('choosing')}>
        Not this
      </button>
    </div>
  );
}

/** One key per model shown, so another mention's card starts closed and without an undo. */
const keys = new WeakMap<CardModel, number>();
let lastKey = 0;

export function Card(props: CardProps) {
  let key = keys.get(props.model);
  if (key === undefined) {
    key = ++lastKey;
    keys.set(props.model, key);
  }
  return <CardBody key={key} {...props} />;
}

function CardBody({ model, onNotThis, onUndo, position, onNext, onPrev, onResize }: CardProps) {
  const [more, setMore] = useState(false);
  const placedWith = useRef(more);
  useEffect(() => {
    if (placedWith.current === more) return;
    placedWith.current = more;
    onResize?.();
  });
  const hasMore = model.facts.length > 0 || model.fronts.length > 0 || Boolean(model.leader);
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
        {/* Two lines at most while compact; the whole of it with More. */}
        <p class={more || !hasMore ? 'desc' : 'desc clamped'}>{model.description}</p>
        {model.matched ? <p class="matched">matched “{model.matched}”</p> : null}
        {model.fronts.length > 0 ? (
          <ul class="fronts" aria-label="Rivalry fronts">
            {model.fronts.map((f) => (
              <li key={f.front}>
                <span class="front-name">{f.front}</span> <span class="rival">— vs {f.rivals}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {more ? <More model={model} /> : null}
        <p class="as-of">
          Data as of <time>{model.asOf}</time>
        </p>
      </div>
      {/* Never scrolled away: every control of the card stays visible (see card-css.ts). */}
      <footer class="card-controls">
        <Position position={position} onNext={onNext} onPrev={onPrev} />
        <span class="actions">
          {hasMore ? (
            <button
              type="button"
              aria-expanded={more}
              aria-controls="card-more"
              onClick={() => setMore(!more)}
            >
              {more ? 'Less' : 'More'}
            </button>
          ) : null}
          <NotThis model={model} onNotThis={onNotThis} onUndo={onUndo} />
        </span>
      </footer>
    </>
  );
}
