// @vitest-environment happy-dom
/**
 * A throw inside our work must not leave the page "loading" forever with nothing said: reading
 * stops in a clear state, the error is logged once with the extension's name, the popup says so
 * and offers to try again, and trying again reads the page.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../components/Popup';
import { createLens, type Lens } from '../../content/lens/lens';
import type { MatchFn } from '../../content/scan/match-windows';
import { fakeCard, fakeEntities, fakeMatch, loadShow, loadUi, until } from './content-helpers';
import { data, summary } from './popup-data';

let abort: AbortController;
let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  abort = new AbortController();
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  abort.abort();
  errors.mockRestore();
  document.body.innerHTML = '';
  cleanup();
});

function start(match: MatchFn): Lens {
  return createLens({
    win: window as unknown as Window & typeof globalThis,
    signal: abort.signal,
    match,
    entities: fakeEntities(),
    card: fakeCard,
    loadShow,
    loadUi,
    settings: { hiddenEntities: [], highlightStyle: 'fill', dwellMs: 300, dismissals: [] },
    site: 'example.com',
    page: () => '/story',
  });
}

describe('a matcher that throws', () => {
  it('stops reading in the failed state, logs once with our name, and retry reads again', async () => {
    document.body.innerHTML =
      '<p>SpaceX launched.</p><p>OpenAI shipped.</p><p>The broken block.</p><p>More SpaceX.</p>';
    let broken = true;
    const match: MatchFn = (text, options) => {
      if (broken && text.includes('broken')) throw new Error('matcher exploded');
      return fakeMatch(text, options);
    };
    const lens = start(match);
    await until(() => expect(lens.state).toBe('failed'));
    // Reading stopped: the block after the broken one was never read.
    expect(lens.summary().entities.map((e) => e.entity)).toEqual(['spacex', 'openai']);
    expect(lens.summary().state).toBe('failed');
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toContain('[Rivalry Lens]');
    expect(errors.mock.calls[0]?.[1]).toEqual(new Error('matcher exploded'));

    // A change to the page does not restart a reading that failed, nor log again.
    document.body.insertAdjacentHTML('beforeend', '<p>Another SpaceX.</p>');
    await new Promise((r) => setTimeout(r, 50));
    expect(lens.state).toBe('failed');
    expect(lens.summary().total).toBe(2);
    expect(errors).toHaveBeenCalledTimes(1);

    broken = false;
    lens.retry();
    await until(() => expect(lens.state).toBe('ready'));
    expect(lens.summary().total).toBe(4);
  });
});

describe('the popup on a page where reading failed', () => {
  it('says reading stopped and asks the page to try again', async () => {
    fakeBrowser.reset();
    const sendMessage = vi.fn(async (_tab: number, message: { type: string }) =>
      message.type === 'getSummary'
        ? summary({ state: 'failed', total: 0, entities: [] })
        : { ok: true },
    );
    fakeBrowser.tabs.sendMessage = sendMessage as unknown as typeof fakeBrowser.tabs.sendMessage;
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example.com/story' });
    render(<Popup tabId={tab.id as number} data={data} />);
    expect(await screen.findByText('Reading stopped on this page')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(sendMessage).toHaveBeenCalledWith(tab.id, { type: 'retry' }, { frameId: 0 });
  });
});
