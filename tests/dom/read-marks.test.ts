// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ReadMarks } from '../../content/scan/read-marks';
import { page } from './part-helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('read marks', () => {
  it('remembers owners added, until cleared', () => {
    const $ = page('<p id="a">a</p><p id="b">b</p>');
    const marks = new ReadMarks();
    marks.add($('a'));
    expect(marks.has($('a'))).toBe(true);
    expect(marks.has($('b'))).toBe(false);
    marks.clear();
    expect(marks.has($('a'))).toBe(false);
  });

  it('forgets a node, its descendants and the shadow roots inside, and nothing else', () => {
    const $ = page('<div id="top"><p id="p">x</p><span id="host"></span></div><p id="other">y</p>');
    const outer = $('host').attachShadow({ mode: 'open' });
    outer.innerHTML = '<div id="in-shadow"><span id="inner-host"></span></div>';
    const innerHost = outer.getElementById('inner-host') as HTMLElement;
    const inner = innerHost.attachShadow({ mode: 'open' });
    inner.innerHTML = '<p id="deepest">z</p>';
    const deepest = inner.getElementById('deepest') as HTMLElement;
    const inShadow = outer.getElementById('in-shadow') as HTMLElement;

    const marks = new ReadMarks();
    const all = [$('top'), $('p'), $('host'), outer, inShadow, innerHost, inner, deepest];
    for (const owner of [...all, $('other')]) marks.add(owner);

    marks.forget($('top'), document);
    expect(all.filter((owner) => marks.has(owner))).toEqual([]);
    expect(marks.has($('other'))).toBe(true);
  });

  it('forgets the shadow root of a host without children', () => {
    const $ = page('<x-card id="host"></x-card>');
    const shadow = $('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>text</p>';
    const inside = shadow.querySelector('p') as HTMLElement;
    const marks = new ReadMarks();
    marks.add(shadow);
    marks.add(inside);
    marks.forget($('host'), document);
    expect(marks.has(shadow)).toBe(false);
    expect(marks.has(inside)).toBe(false);
  });

  it('ignores a text node', () => {
    const $ = page('<p id="a">a</p>');
    const marks = new ReadMarks();
    marks.add($('a'));
    marks.forget($('a').firstChild as Text, document);
    expect(marks.has($('a'))).toBe(true);
  });
});
