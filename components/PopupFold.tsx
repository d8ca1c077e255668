/**
 * A folded section at the foot of the popup ("Rivalry map", "Wider landscape"). A name in it
 * opens that entity's card inline, in place of the section's content, with a way back: the
 * popup has no mention to put a card beside. Folds share one `name`, so one is open at a time
 * and the list above keeps its room.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type CardModel, cardModel } from '../core/card-model';
import type { Dataset } from '../core/dataset';
import type { EntityId } from '../core/types';
import { i18n } from '../extension/i18n';
import { Card } from './Card';

/** Opens an entity's card in the fold. */
export type OpenCard = (entity: EntityId) => void;

export function PopupFold(props: {
  /** "Rivalry map" */
  title: string;
  class: string;
  data: Dataset;
  children: (open: OpenCard) => ComponentChildren;
}) {
  const { title, data } = props;
  const [card, setCard] = useState<CardModel | null>(null);
  const box = useRef<HTMLDivElement>(null);
  /** What gets focus once the content changed: the card's way back, or the name it came from. */
  const focusAfter = useRef<string | null>(null);
  useLayoutEffect(() => {
    const selector = focusAfter.current;
    if (!selector) return;
    focusAfter.current = null;
    // A card starts at its top, wherever the fold was scrolled to.
    if (selector === 'button.back' && box.current) box.current.scrollTop = 0;
    box.current?.querySelector<HTMLElement | SVGElement>(selector)?.focus();
  });
  const open: OpenCard = (entity) => {
    const model = cardModel(data, entity);
    if (!model) return;
    focusAfter.current = 'button.back';
    setCard(model);
  };
  const back = () => {
    // Entity ids are kebab-case (core/entity-id.ts): nothing to escape.
    if (card) focusAfter.current = `[data-opens="${card.entity}"]`;
    setCard(null);
  };
  return (
    <details class={`fold ${props.class}`} name="popup-fold">
      <summary>{title}</summary>
      <div class="fold-content" ref={box}>
        {card ? (
          <section class="popup-card" aria-label={i18n.t('popup.cardLabel', [card.name])}>
            <Card
              model={card}
              hideAge
              loadCard={async (entity) => cardModel(data, entity)}
              back={{ label: title, onBack: back }}
            />
          </section>
        ) : (
          props.children(open)
        )}
      </div>
    </details>
  );
}
