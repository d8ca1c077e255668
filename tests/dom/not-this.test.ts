// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createNotThis } from '../../content/lens/not-this';
import type { Dismissal } from '../../extension/dismissal';
import { foundWord, page } from './part-helpers';

function setup(start: Dismissal[] = []) {
  let dismissals: readonly Dismissal[] = start;
  const onDismiss = vi.fn();
  const onUndismiss = vi.fn();
  const lens = {
    update(next: { dismissals: readonly Dismissal[] }) {
      dismissals = next.dismissals;
    },
  };
  const notThis = createNotThis(
    { site: 'www.Example.com', page: () => '/story', onDismiss, onUndismiss },
    () => ({ dismissals, lens }),
  );
  const $ = page('<p id="p">XAI and xAI</p>');
  const found = foundWord($('p'), 'XAI', 'xai');
  return { notThis, found, onDismiss, onUndismiss, now: () => dismissals };
}

describe('Not this in the lens', () => {
  it('dismisses the wording as written on this page, and Undo takes exactly it back', () => {
    const site: Dismissal = { site: 'example.com', entity: 'xai', text: 'XAI' };
    const { notThis, found, onDismiss, onUndismiss, now } = setup([site]);
    notThis.notThis(found, 'page');
    const made = { site: 'example.com', entity: 'xai', text: 'XAI', page: '/story' };
    expect(now()).toEqual([site, made]);
    expect(onDismiss).toHaveBeenCalledExactlyOnceWith(made);
    notThis.undo(found);
    expect(now()).toEqual([site]);
    expect(onUndismiss).toHaveBeenCalledExactlyOnceWith(made);
    // A second Undo has nothing left to take back.
    notThis.undo(found);
    expect(onUndismiss).toHaveBeenCalledOnce();
  });

  it('dismisses on the whole site when chosen: no page', () => {
    const { notThis, found, now } = setup();
    notThis.notThis(found, 'site');
    expect(now()).toEqual([{ site: 'example.com', entity: 'xai', text: 'XAI' }]);
  });
});
