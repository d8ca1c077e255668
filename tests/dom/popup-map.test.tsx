// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { describeRivalryMap, layoutRivalryMap, RivalryMap } from '../../components/RivalryMap';
import { dataset } from '../../core/rivalry-data';
import { data } from './popup-data';

describe('layoutRivalryMap', () => {
  const layout = layoutRivalryMap(data);
  const side = (id: string) => layout.nodes.find((n) => n.id === id)?.side;

  it('puts rivals on opposite sides, each entity once', () => {
    expect(side('elon-musk')).toBe(0);
    for (const id of ['sam-altman', 'openai', 'stoke-space']) expect(side(id)).toBe(1);
    for (const id of ['xai', 'spacex']) expect(side(id)).toBe(0);
    expect(new Set(layout.nodes.map((n) => n.id)).size).toBe(layout.nodes.length);
  });

  it('leaves out entities on no front', () => {
    expect(side('google')).toBeUndefined();
  });

  it('on the bundled data, draws the two men’s camps and leaves the companies around them out', () => {
    const real = layoutRivalryMap(dataset);
    const sideOf = (id: string) => real.nodes.find((n) => n.id === id)?.side;
    const highlighted = dataset.entities.filter((e) => e.highlight).map((e) => e.id);
    expect(real.nodes.map((n) => n.id).sort()).toEqual([...highlighted].sort());
    for (const e of dataset.entities.filter((x) => !x.highlight))
      expect(sideOf(e.id)).toBeUndefined();
    const musk = sideOf('elon-musk');
    expect(sideOf('sam-altman')).not.toBe(musk);
    for (const id of ['xai', 'spacex', 'x-twitter']) expect(sideOf(id), id).toBe(musk);
    for (const id of ['openai', 'stoke-space']) expect(sideOf(id), id).not.toBe(musk);
  });

  it('draws one line per front and pair, however many sides name it', () => {
    const key = (e: { front: string; from: string; to: string }) => `${e.front}:${e.from}-${e.to}`;
    expect(layout.edges.map(key).sort()).toEqual([
      'ai:elon-musk-openai',
      'ai:elon-musk-sam-altman',
      'ai:openai-xai',
      'space:elon-musk-sam-altman',
      'space:spacex-stoke-space',
    ]);
  });

  it('says in words who faces whom', () => {
    expect(describeRivalryMap(data, layout)).toBe(
      'AI: Elon Musk against Sam Altman, Elon Musk against OpenAI, OpenAI against xAI. ' +
        'Space: Elon Musk against Sam Altman, SpaceX against Stoke Space.',
    );
  });

  it('the picture marks the given entities and the lines between two of them', () => {
    const { container } = render(
      <RivalryMap data={data} layout={layout} present={new Set(['openai', 'xai'])} />,
    );
    const on = [...container.querySelectorAll('.node.on')].map((n) =>
      n.getAttribute('data-entity'),
    );
    expect(on.sort()).toEqual(['openai', 'xai']);
    expect(container.querySelectorAll('path.edge.on')).toHaveLength(1);
    expect(container.querySelector('svg')?.getAttribute('role')).toBe('img');
  });

  it('each line says what it is on hover', () => {
    const { container } = render(<RivalryMap data={data} layout={layout} present={new Set()} />);
    const titles = [...container.querySelectorAll('path.edge title')].map((t) => t.textContent);
    expect(titles).toHaveLength(layout.edges.length);
    // Left side first, as the picture reads.
    expect(titles).toContain('xAI and OpenAI: rivals on AI');
    expect(titles).toContain('Elon Musk and Sam Altman: rivals on Space');
  });
});
