// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_MS } from '../../components/Card';
import { type CardController, createCardController } from '../../content/card/card-controller';
import type { Found } from '../../content/found';
import { stepFrom } from '../../content/lens/reveal';
import { HOST_TAG } from '../../content/read/dom-rules';
import { type CardModel, cardModel } from '../../core/card-model';
import type { EntityId } from '../../core/types';
import { fakeData, loadUi } from './content-helpers';
import { foundWord, page } from './part-helpers';

/** A card answer the test resolves or rejects when it likes. */
interface Pending {
  entity: EntityId;
  resolve(model: CardModel | null): void;
  reject(error: Error): void;
}

let abort: AbortController;
let asked: Pending[];
let notThis: ReturnType<typeof vi.fn<(found: Found, scope: 'page' | 'site') => void>>;
let undo: ReturnType<typeof vi.fn<(found: Found) => void>>;
let brought: Found[];
/** The mentions the controller steps through, in document order. */
let order: Found[];
let cards: CardController;

beforeEach(() => {
  abort = new AbortController();
  asked = [];
  notThis = vi.fn();
  undo = vi.fn();
  brought = [];
  order = [];
  cards = createCardController({
    win: window,
    signal: abort.signal,
    card: (entity) => new Promise((resolve, reject) => asked.push({ entity, resolve, reject })),
    hitTest: () => null,
    loadUi,
    dwellMs: () => 300,
    notThis,
    undo,
    step: (f, by) =>
      stepFrom(
        order.filter((o) => o.mention.entity === f.mention.entity),
        f,
        by,
      ),
    bring: (f) => brought.push(f),
  });
});
afterEach(() => {
  vi.useRealTimers();
  abort.abort();
  document.body.innerHTML = '';
  document.querySelector(HOST_TAG)?.remove();
});

/** Lets the promise callbacks run (no timer involved). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

const modelOf = (entity: EntityId) => cardModel(fakeData, entity);
const shadow = () => document.querySelector(HOST_TAG)?.shadowRoot ?? null;
const card = () => shadow()?.querySelector<HTMLElement>('.card') ?? null;
const isOpen = () => card() !== null && !card()?.hidden;
const button = (label: string) =>
  [...(shadow()?.querySelectorAll('button') ?? [])].find(
    (b) => b.getAttribute('aria-label') === label || b.textContent?.trim() === label,
  );
function mentions() {
  const $ = page('<p id="p">SpaceX and OpenAI, SpaceX again</p>');
  const p = $('p');
  return {
    spacex: foundWord(p, 'SpaceX', 'spacex'),
    openai: foundWord(p, 'OpenAI', 'openai'),
    spacexAgain: foundWord(p, 'SpaceX', 'spacex', 1),
  };
}

describe('card controller', () => {
  it('asks for a card once per entity and shows it in a <rivalry-lens> host', async () => {
    const { spacex, spacexAgain } = mentions();
    cards.open(spacex, false);
    expect(asked.map((a) => a.entity)).toEqual(['spacex']);
    expect(document.querySelector(HOST_TAG)).toBeNull();
    asked[0]?.resolve(modelOf('spacex'));
    await settle();
    expect(shadow()).not.toBeNull();
    expect(isOpen()).toBe(true);
    expect(card()?.getAttribute('aria-label')).toBe('Rivalry Lens: SpaceX');

    cards.open(spacexAgain, false);
    await settle();
    expect(asked).toHaveLength(1);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('shows only the last mention asked for when an earlier card comes later', async () => {
    const { spacex, openai } = mentions();
    cards.open(spacex, false);
    cards.open(openai, false);
    expect(asked.map((a) => a.entity)).toEqual(['spacex', 'openai']);
    asked[1]?.resolve(modelOf('openai'));
    await settle();
    expect(card()?.getAttribute('aria-label')).toBe('Rivalry Lens: OpenAI');
    asked[0]?.resolve(modelOf('spacex'));
    await settle();
    expect(card()?.getAttribute('aria-label')).toBe('Rivalry Lens: OpenAI');
    expect(shadow()?.textContent).not.toContain(modelOf('spacex')?.description);
  });

  it('asks again for a card whose answer failed', async () => {
    const { spacex } = mentions();
    cards.open(spacex, false);
    asked[0]?.reject(new Error('background restarting'));
    await settle();
    expect(isOpen()).toBe(false);
    cards.open(spacex, false);
    expect(asked).toHaveLength(2);
    asked[1]?.resolve(modelOf('spacex'));
    await settle();
    expect(isOpen()).toBe(true);
  });

  it('closes the card showing one of the mentions given, and not otherwise', async () => {
    const { spacex, openai } = mentions();
    cards.open(spacex, false);
    asked[0]?.resolve(modelOf('spacex'));
    await settle();
    cards.closeIfAny([openai]);
    expect(isOpen()).toBe(true);
    cards.closeIfAny([openai, spacex]);
    expect(isOpen()).toBe(false);
  });

  it('never shows a card on its way for a mention that went', async () => {
    const { spacex } = mentions();
    cards.open(spacex, false);
    cards.closeIfAny([spacex]);
    asked[0]?.resolve(modelOf('spacex'));
    await settle();
    expect(isOpen()).toBe(false);
  });

  const press = async (label: string) => {
    const button = [...(shadow()?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent?.trim() === label,
    );
    expect(button, label).toBeDefined();
    button?.click();
    await settle();
  };

  it('"Not this" hands over its mention and scope, shows the undo, then closes', async () => {
    vi.useFakeTimers();
    try {
      const { spacex } = mentions();
      cards.open(spacex, false);
      asked[0]?.resolve(modelOf('spacex'));
      await settle();
      await press('Not this');
      await press('On this site');
      expect(notThis).toHaveBeenCalledExactlyOnceWith(spacex, 'site');
      // Its mention is no longer shown, but the card stays for its undo.
      cards.closeIfAny([spacex]);
      expect(isOpen()).toBe(true);
      expect(shadow()?.textContent).toContain('Hidden on this site.');
      vi.advanceTimersByTime(UNDO_MS - 1);
      expect(isOpen()).toBe(true);
      vi.advanceTimersByTime(1);
      expect(isOpen()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('Undo hands over its mention and keeps the card open', async () => {
    vi.useFakeTimers();
    try {
      const { spacex } = mentions();
      cards.open(spacex, false);
      asked[0]?.resolve(modelOf('spacex'));
      await settle();
      await press('Not this');
      await press('On this page');
      expect(notThis).toHaveBeenCalledExactlyOnceWith(spacex, 'page');
      await press('Undo');
      expect(undo).toHaveBeenCalledExactlyOnceWith(spacex);
      vi.advanceTimersByTime(UNDO_MS);
      expect(isOpen()).toBe(true);
      // Undone, the card is an ordinary one again: hiding its mention closes it.
      cards.closeIfAny([spacex]);
      expect(isOpen()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a rival’s name shows its card in the same card, held while the reader reads it', async () => {
    vi.useFakeTimers();
    try {
      const p = page('<p id="p">Stoke Space builds rockets.</p>')('p');
      const stoke = foundWord(p, 'Stoke Space', 'stoke-space');
      cards.open(stoke, false);
      asked[0]?.resolve(modelOf('stoke-space'));
      await settle();
      const shown = card();
      await press('SpaceX');
      // The rival's card comes from the background like any other.
      expect(asked.map((a) => a.entity)).toEqual(['stoke-space', 'spacex']);
      asked[1]?.resolve(modelOf('spacex'));
      await settle();
      expect(card()).toBe(shown);
      expect(shadow()?.querySelector('h2')?.textContent).toBe('SpaceX');
      // The dialog is named after what it shows.
      await vi.waitFor(() =>
        expect(card()?.getAttribute('aria-label')).toBe('Rivalry Lens: SpaceX'),
      );
      expect(button('← Back to Stoke Space')).toBeDefined();
      // The pointer leaving the window would close a card only glanced at; not this one.
      document.dispatchEvent(new PointerEvent('pointerout', { relatedTarget: null }));
      vi.advanceTimersByTime(5000);
      expect(isOpen()).toBe(true);
      await press('← Back to Stoke Space');
      expect(shadow()?.querySelector('h2')?.textContent).toBe('Stoke Space');
      await vi.waitFor(() =>
        expect(card()?.getAttribute('aria-label')).toBe('Rivalry Lens: Stoke Space'),
      );
      expect(asked).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the arrows step between mentions only on the mention’s own card', async () => {
    const p = page('<p id="p">Stoke Space, and Stoke Space again.</p>')('p');
    const first = foundWord(p, 'Stoke Space', 'stoke-space');
    const again = foundWord(p, 'Stoke Space', 'stoke-space', 1);
    order = [first, again];
    cards.open(first, false);
    asked[0]?.resolve(modelOf('stoke-space'));
    await settle();
    await press('SpaceX');
    asked[1]?.resolve(modelOf('spacex'));
    await settle();
    const arrow = () =>
      card()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    // SpaceX's card has no place among Stoke Space's mentions: no step from it.
    await vi.waitFor(() => expect(card()?.getAttribute('aria-label')).toBe('Rivalry Lens: SpaceX'));
    arrow();
    await settle();
    expect(brought).toEqual([]);
    expect(shadow()?.querySelector('h2')?.textContent).toBe('SpaceX');
    await press('← Back to Stoke Space');
    await vi.waitFor(() =>
      expect(card()?.getAttribute('aria-label')).toBe('Rivalry Lens: Stoke Space'),
    );
    arrow();
    await settle();
    expect(brought).toEqual([again]);
  });

  it("shows the position among the entity's mentions and steps to the next and previous", async () => {
    const { spacex, openai, spacexAgain } = mentions();
    order = [spacex, openai, spacexAgain];
    cards.open(spacex, false);
    asked[0]?.resolve(modelOf('spacex'));
    await settle();
    const status = () => shadow()?.querySelector('[role="status"]');
    expect(status()?.textContent).toBe('1 of 2');
    expect(status()?.getAttribute('aria-live')).toBe('polite');
    button('Next mention')?.click();
    await settle();
    expect(brought).toEqual([spacexAgain]);
    expect(status()?.textContent).toBe('2 of 2');
    // The card came with its mention and took focus, as one opened from the keyboard.
    expect(shadow()?.activeElement).not.toBeNull();
    card()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await settle();
    expect(brought).toEqual([spacexAgain, spacex]);
    expect(status()?.textContent).toBe('1 of 2');
    button('Previous mention')?.click();
    await settle();
    expect(status()?.textContent).toBe('2 of 2');
  });

  it('offers no steps for an entity mentioned once', async () => {
    const { openai, spacex } = mentions();
    order = [spacex, openai];
    cards.open(openai, false);
    asked[0]?.resolve(modelOf('openai'));
    await settle();
    expect(shadow()?.querySelector('[role="status"]')).toBeNull();
    expect(button('Next mention')).toBeUndefined();
  });

  it('keeps Tab inside a card opened from the keyboard', async () => {
    const { spacex, spacexAgain, openai } = mentions();
    order = [spacex, openai, spacexAgain];
    cards.open(spacex, true);
    asked[0]?.resolve(modelOf('spacex'));
    await settle();
    const buttons = [...(shadow()?.querySelectorAll('button') ?? [])];
    const first = buttons[0] as HTMLButtonElement;
    const last = buttons[buttons.length - 1] as HTMLButtonElement;
    const tab = (shiftKey: boolean) => {
      const e = new KeyboardEvent('keydown', {
        key: 'Tab',
        shiftKey,
        bubbles: true,
        cancelable: true,
      });
      shadow()?.activeElement?.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(shadow()?.activeElement).toBe(card());
    expect(tab(false)).toBe(true);
    expect(shadow()?.activeElement).toBe(first);
    last.focus();
    expect(tab(false)).toBe(true);
    expect(shadow()?.activeElement).toBe(first);
    expect(tab(true)).toBe(true);
    expect(shadow()?.activeElement).toBe(last);
  });

  it('takes the host away when aborted', async () => {
    const { spacex } = mentions();
    cards.open(spacex, false);
    asked[0]?.resolve(modelOf('spacex'));
    await settle();
    abort.abort();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });
});
