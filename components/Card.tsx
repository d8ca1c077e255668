/**
 * The hover card's content, compact like a page preview: who this is, one line on each front of
 * the rivalry, and the date of the data; the dated facts and their sources behind "More".
 * A rival's name opens that entity's card in its place, with a way back, so that the entities
 * no page highlights (Google, Merge Labs…) are one click from the names they face.
 * Rendered inside the `<rivalry-lens>` shadow root, in a popover that
 * `content/card/card-host.ts` owns (it carries the dialog role and the label), and in the popup.
 */

import { Fragment, type Ref } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CardModel } from '../core/card-model';
import { formatDataDate, formatNumber, i18n } from '../extension/i18n';
import { entityRgb, swatchVars } from '../extension/palette';
import { DataAge } from './DataAge';
import { SourceLink } from './SourceLink';

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
  /** The card of another entity, for a rival's name; without it rival names are plain text. */
  loadCard?: (entity: string) => Promise<CardModel | null>;
  /** A way back from the first card ("← Rivalry map" in the popup). */
  back?: { label: string; onBack: () => void };
  /** Today, for the data's age; the clock at render time unless a test fixes it. */
  today?: Date;
  /** Leaves out the data's age where the page around the card says it already (the popup). */
  hideAge?: boolean;
  /** The card now shows another entity's card (a rival's, or back): its label follows. */
  onShown?: (model: CardModel) => void;
}

/** How long the card shows its undo state after "Not this" before the host closes it. */
export const UNDO_MS = 6000;

type NotThisStep = 'idle' | 'choosing' | 'page' | 'site';

function Position(props: Pick<CardProps, 'position' | 'onNext' | 'onPrev'>) {
  const { position, onNext, onPrev } = props;
  if (!position && !onNext && !onPrev) return null;
  return (
    <span class="nav">
      {onPrev ? (
        <button
          type="button"
          class="icon"
          aria-label={i18n.t('card.previousMention')}
          onClick={onPrev}
        >
          ‹
        </button>
      ) : null}
      {position ? (
        <span class="pos" role="status" aria-live="polite">
          {i18n.t('card.position', [formatNumber(position.index), formatNumber(position.total)])}
        </span>
      ) : null}
      {onNext ? (
        <button type="button" class="icon" aria-label={i18n.t('card.nextMention')} onClick={onNext}>
          ›
        </button>
      ) : null}
    </span>
  );
}

/** An entity's name: a button that opens its card where the card can open one, else text. */
function EntityName(props: { entity?: string; name: string; open?: (entity: string) => void }) {
  const { entity, name, open } = props;
  if (!entity || !open) return <>{name}</>;
  return (
    <button
      type="button"
      class="rival-link"
      data-entity={entity}
      title={i18n.t('card.showCard', [name])}
      onClick={() => open(entity)}
    >
      {name}
    </button>
  );
}

function More({ model, open }: { model: CardModel; open?: (entity: string) => void }) {
  const about = [
    model.founded ? i18n.t('card.founded', [String(model.founded)]) : '',
    model.headquarters ?? '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div class="more" id="card-more">
      {about ? <p class="about">{about}</p> : null}
      {model.leaders.length > 0 ? (
        <p class="leader">
          {model.kind === 'person' ? i18n.t('card.role') : i18n.t('card.ledBy')}{' '}
          {model.leaders.map((l, i) => (
            <Fragment key={l.name}>
              {i > 0 ? '; ' : null}
              <EntityName entity={l.entity} name={l.name} open={open} />, {l.role}
            </Fragment>
          ))}
        </p>
      ) : null}
      {model.fronts.map((f) => (
        <p key={f.front} class="summary">
          <span class="front-name">{f.front}:</span> {f.summary} <SourceLink source={f.source} />
        </p>
      ))}
      {model.facts.length > 0 ? (
        <ul class="facts" aria-label={i18n.t('card.facts')}>
          {model.facts.map((f) => (
            <li key={`${f.date}${f.text}`}>
              <time dateTime={f.date}>{formatDataDate(f.date)}</time> {f.text}{' '}
              <SourceLink source={f.source} />
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
        <span>{step === 'page' ? i18n.t('card.hiddenPage') : i18n.t('card.hiddenSite')}</span>
        {onUndo ? (
          <button
            type="button"
            onClick={() => {
              go('idle');
              onUndo();
            }}
          >
            {i18n.t('card.undo')}
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
        aria-label={i18n.t('card.notThisLabel', [model.name])}
      >
        <span>{i18n.t('card.hideIt')}</span>
        <button type="button" onClick={() => choose('page')}>
          {i18n.t('card.onPage')}
        </button>
        <button type="button" onClick={() => choose('site')}>
          {i18n.t('card.onSite')}
        </button>
        <button type="button" class="quiet" onClick={() => go('idle')}>
          {i18n.t('card.cancel')}
        </button>
      </fieldset>
    );
  }
  return (
    <div class="not-this" ref={box as Ref<HTMLDivElement>}>
      <button type="button" onClick={() => go('choosing')}>
        {i18n.t('card.notThis')}
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

/** Scrolls `scroller` just enough for `el` to show (a rival's name far down a long card). */
function keepInView(scroller: HTMLElement, el: HTMLElement) {
  const view = scroller.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  if (r.bottom > view.bottom) scroller.scrollTop += r.bottom - view.bottom;
  else if (r.top < view.top) scroller.scrollTop -= view.top - r.top;
}

/** Where focus goes once another card is shown: its way back, or the rival it was opened from. */
type FocusAfter = { to: 'back' } | { to: 'rival'; entity: string } | null;

function CardBody(props: CardProps) {
  const { model, onNotThis, onUndo, position, onNext, onPrev, onResize, loadCard, back } = props;
  /** Cards opened from rival names, on top of the mention's own. */
  const [trail, setTrail] = useState<CardModel[]>([]);
  /**
   * For each card of the trail, the name it was opened from and whether More was open there:
   * both come back with Back.
   */
  const openedFrom = useRef<{ entity: string; more: boolean }[]>([]);
  const [more, setMore] = useState(false);
  const shown = trail[trail.length - 1] ?? model;
  const previous = trail.length > 0 ? (trail[trail.length - 2] ?? model) : undefined;
  /** The mention's own card: its note, its place among the mentions and "Not this" apply. */
  const own = trail.length === 0;
  const box = useRef<HTMLDivElement>(null);
  const focusAfter = useRef<FocusAfter>(null);
  const placedWith = useRef(`${shown.entity} ${more}`);
  useEffect(() => {
    const now = `${shown.entity} ${more}`;
    if (placedWith.current === now) return;
    if (!placedWith.current.startsWith(`${shown.entity} `)) props.onShown?.(shown);
    placedWith.current = now;
    onResize?.();
  });
  useLayoutEffect(() => {
    // The button just pressed is gone with the card it was on: keep focus in the card.
    const after = focusAfter.current;
    if (!after) return;
    focusAfter.current = null;
    // Another card starts at its top, wherever the last one was scrolled to.
    if (after.to === 'back' && box.current) box.current.scrollTop = 0;
    const selector =
      after.to === 'back'
        ? 'button.back'
        : // Entity ids are kebab-case (core/entity-id.ts): nothing to escape.
          `button.rival-link[data-entity="${after.entity}"]`;
    const el = box.current?.querySelector<HTMLElement>(selector);
    el?.focus({ preventScroll: true });
    // Scrolled within the card only: letting focus scroll could move the page under it.
    if (el && box.current) keepInView(box.current, el);
  });
  const openRival = async (entity: string) => {
    const next = await loadCard?.(entity);
    if (!next) return;
    openedFrom.current = [...openedFrom.current, { entity, more }];
    focusAfter.current = { to: 'back' };
    setMore(false);
    setTrail((t) => [...t, next]);
  };
  const goBack = () => {
    const from = openedFrom.current[openedFrom.current.length - 1];
    openedFrom.current = openedFrom.current.slice(0, -1);
    focusAfter.current = from ? { to: 'rival', entity: from.entity } : null;
    setMore(from?.more ?? false);
    setTrail((t) => t.slice(0, -1));
  };
  const hasMore =
    shown.facts.length > 0 ||
    shown.fronts.length > 0 ||
    shown.leaders.length > 0 ||
    Boolean(shown.founded || shown.headquarters);
  const open = loadCard ? (entity: string) => void openRival(entity) : undefined;
  const backTo = previous
    ? { label: previous.name, onBack: goBack }
    : back
      ? { label: back.label, onBack: back.onBack }
      : undefined;
  return (
    <>
      <div class="card-body" ref={box}>
        {backTo ? (
          <button type="button" class="back" onClick={backTo.onBack}>
            <span aria-hidden="true">← </span>
            <span class="visually-hidden">{i18n.t('card.backTo')} </span>
            {backTo.label}
          </button>
        ) : null}
        <header>
          <span
            class="swatch"
            aria-hidden="true"
            // A highlighted entity's swatch looks like its mentions; the others have no
            // highlight to look like, and keep their ink.
            style={
              shown.highlight
                ? swatchVars(shown.entity)
                : { background: `rgb(${entityRgb(shown.entity)})` }
            }
          />
          <h2>{shown.name}</h2>
          <span class="kind">{i18n.t(`card.kind.${shown.kind}`)}</span>
          {/* Says why the reader will not find it highlighted on the page. */}
          {shown.highlight ? null : (
            <span class="not-highlighted">
              <span aria-hidden="true">· </span>
              {i18n.t('card.notHighlighted')}
            </span>
          )}
        </header>
        {/* Three lines at most while compact (the one-sentence descriptions fit the card's width in
            three); the whole of it with More. */}
        <p class={more || !hasMore ? 'desc' : 'desc clamped'}>{shown.description}</p>
        {own && shown.matched ? (
          <p class="matched">{i18n.t('card.matched', [shown.matched])}</p>
        ) : null}
        {shown.fronts.length > 0 ? (
          <ul class="fronts" aria-label={i18n.t('card.fronts')}>
            {shown.fronts.map((f) => (
              <li key={f.front}>
                <span class="front-name">{f.front}</span>{' '}
                <span class="rival">
                  — {i18n.t('card.versus')}{' '}
                  {f.rivals.map((r, i) => (
                    <Fragment key={r.id}>
                      {i > 0 ? i18n.t('card.comma') : null}
                      <EntityName entity={r.id} name={r.name} open={open} />
                    </Fragment>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {more ? <More model={shown} open={open} /> : null}
        {props.hideAge ? null : <DataAge class="as-of" asOf={shown.asOf} today={props.today} />}
      </div>
      {/* Never scrolled away: every control of the card stays visible (see card-css.ts). */}
      <footer class="card-controls">
        {own ? <Position position={position} onNext={onNext} onPrev={onPrev} /> : null}
        <span class="actions">
          {hasMore ? (
            <button
              type="button"
              aria-expanded={more}
              aria-controls="card-more"
              onClick={() => setMore(!more)}
            >
              {more ? i18n.t('card.less') : i18n.t('card.more')}
            </button>
          ) : null}
          {own ? <NotThis model={shown} onNotThis={onNotThis} onUndo={onUndo} /> : null}
        </span>
      </footer>
    </>
  );
}
