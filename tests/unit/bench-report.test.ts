import { describe, expect, it } from 'vitest';
import { benchmarkDocument, NOTES, type Row } from '../../scripts/bench/report';

const row: Row = {
  measure: 'Feed: our time per batch',
  value: '3.42 ms',
  reference: 'a | b',
  target: '< 5 ms median',
  met: 'yes',
};

describe('the benchmark report', () => {
  const doc = benchmarkDocument({
    date: '2026-12-01T15:50:29Z',
    rows: [row],
    machine: { cpu: 'a CPU (nproc 2)', code: 'commit abc1234' },
    whereTheTimeGoes: ['Start-up first.', '', 'Then the profiles.'],
    method: 'Method: how it was measured.',
  });

  it('writes the run’s table, machine and method, in that order', () => {
    expect(
      doc.startsWith('# Benchmark\n\nResults of `npm run bench` (2026-12-01T15:50:29Z).'),
    ).toBe(true);
    expect(doc).toContain('| Feed: our time per batch | 3.42 ms | a \\| b | < 5 ms median | yes |');
    expect(doc).toContain('- cpu: a CPU (nproc 2)\n- code: commit abc1234');
    expect(doc).toContain(
      '## Where the time goes\n\nStart-up first.\n\nThen the profiles.\n\n## Method',
    );
    const order = ['## Machine', '## Where the time goes', '## Method', '## What the figures mean'];
    expect(order.map((h) => doc.indexOf(h))).toEqual(
      [...order.map((h) => doc.indexOf(h))].sort((a, b) => a - b),
    );
    expect(order.every((h) => doc.includes(h))).toBe(true);
  });

  it('carries the fixed notes on every run: targets, mark.js, references, new tab', () => {
    expect(doc.endsWith(`${NOTES}\n`)).toBe(true);
    for (const topic of [
      '**The targets.**',
      '5× faster than mark.js',
      'scripts/bench/reference-extensions.ts',
      'A new tab against a page of the same site',
      'npm run eval:matcher',
    ]) {
      expect(NOTES).toContain(topic);
    }
  });
});
