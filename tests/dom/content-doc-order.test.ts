// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createDocOrder } from '../../content/lens/doc-order';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A range over the first two characters of paragraph `i`. */
function rangeIn(i: number): Range {
  const text = (document.body.children[i] as Element).firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 2);
  return range;
}

describe('DocOrder', () => {
  it('sorts ranges in document order, across open shadow roots', () => {
    document.body.innerHTML = '<p>a1</p><x-c></x-c><p>c3</p>';
    const host = document.querySelector('x-c') as Element;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>b2</p>';
    const inShadow = document.createRange();
    const text = (host.shadowRoot as ShadowRoot).querySelector('p')?.firstChild as Text;
    inShadow.setStart(text, 0);
    inShadow.setEnd(text, 2);
    const order = createDocOrder();
    const sorted = order.sort([rangeIn(2), inShadow, rangeIn(0)], (r) => r);
    expect(sorted.map((r) => r.toString())).toEqual(['a1', 'b2', 'c3']);
  });

  it('warms a parent of many children a chunk per look at the clock, to the same order', () => {
    document.body.innerHTML = Array.from({ length: 5000 }, (_, i) => `<p>${i}x</p>`).join('');
    const picked = [4999, 17, 2500, 3, 4096, 1024, 1023];
    const ranges = picked.map(rangeIn);
    const order = createDocOrder();
    // One look at the clock answered yes per call: the 5,000 children of the last paragraph's
    // parent take several calls, not one.
    let calls = 0;
    for (;;) {
      calls++;
      let looks = 0;
      if (order.warm([ranges[0] as Range], () => looks++ < 1)) break;
      expect(calls).toBeLessThan(20);
    }
    expect(calls).toBeGreaterThan(2);
    expect(order.warm(ranges, () => true)).toBe(true);
    const sorted = order.sort([...ranges], (r) => r).map((r) => r.toString());
    expect(sorted).toEqual([...picked].sort((a, b) => a - b).map((i) => `${i}x`.slice(0, 2)));
  });

  it('starts again after the DOM changed', () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p>${i}x</p>`).join('');
    const order = createDocOrder();
    const late = rangeIn(2999);
    expect(order.warm([late], () => false)).toBe(false);
    document.body.prepend(Object.assign(document.createElement('p'), { textContent: 'zz' }));
    order.invalidate();
    const first = rangeIn(0);
    expect(order.warm([late, first], () => true)).toBe(true);
    expect(order.sort([late, first], (r) => r).map((r) => r.toString())).toEqual(['zz', '29']);
  });
});
