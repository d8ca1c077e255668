// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLateHosts, type LateHosts, LOOK_DELAYS_MS } from '../../content/scan/late-hosts';

const [FIRST_LOOK_MS, SECOND_LOOK_MS, THIRD_LOOK_MS] = LOOK_DELAYS_MS as [number, number, number];

let abort: AbortController;
let read: Set<ShadowRoot>;
let onFound: ReturnType<typeof vi.fn<(root: ShadowRoot) => void>>;
let found: ReturnType<typeof vi.fn<() => void>>;
let hosts: LateHosts;

beforeEach(() => {
  vi.useFakeTimers();
  abort = new AbortController();
  read = new Set();
  onFound = vi.fn();
  found = vi.fn();
  hosts = createLateHosts(abort.signal, (root) => read.has(root), onFound, found);
});
afterEach(() => {
  abort.abort();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function lateElement(): HTMLElement {
  const el = document.createElement('x-late');
  el.textContent = 'light text';
  document.body.append(el);
  return el;
}

describe('late shadow hosts', () => {
  it('reports a shadow root attached at once at the first look, not before', () => {
    const el = lateElement();
    hosts.watch([el]);
    const shadow = el.attachShadow({ mode: 'open' });
    vi.advanceTimersByTime(FIRST_LOOK_MS - 1);
    expect(onFound).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onFound).toHaveBeenCalledExactlyOnceWith(shadow);
    expect(found).toHaveBeenCalledOnce();
  });

  it('reports a shadow root attached after 1 s at the second look, not before', () => {
    const el = lateElement();
    hosts.watch([el]);
    vi.advanceTimersByTime(1000);
    const shadow = el.attachShadow({ mode: 'open' });
    vi.advanceTimersByTime(FIRST_LOOK_MS + SECOND_LOOK_MS - 1000 - 1);
    expect(onFound).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onFound).toHaveBeenCalledExactlyOnceWith(shadow);
    expect(found).toHaveBeenCalledOnce();
    // Found once: not looked at again.
    vi.runAllTimers();
    expect(onFound).toHaveBeenCalledOnce();
  });

  it('stops looking after the last wait', () => {
    const el = lateElement();
    hosts.watch([el]);
    vi.advanceTimersByTime(FIRST_LOOK_MS + SECOND_LOOK_MS);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(THIRD_LOOK_MS);
    expect(vi.getTimerCount()).toBe(0);
    el.attachShadow({ mode: 'open' });
    vi.advanceTimersByTime(10 * THIRD_LOOK_MS);
    expect(onFound).not.toHaveBeenCalled();
  });

  it('looks no more once aborted', () => {
    const el = lateElement();
    hosts.watch([el]);
    abort.abort();
    el.attachShadow({ mode: 'open' });
    vi.runAllTimers();
    expect(onFound).not.toHaveBeenCalled();
    expect(found).not.toHaveBeenCalled();
  });

  it('does not report a shadow root already read, nor one whose host left', () => {
    const el = lateElement();
    const gone = lateElement();
    hosts.watch([el, gone]);
    read.add(el.attachShadow({ mode: 'open' }));
    gone.attachShadow({ mode: 'open' });
    gone.remove();
    vi.runAllTimers();
    expect(onFound).not.toHaveBeenCalled();
    expect(found).not.toHaveBeenCalled();
  });
});
