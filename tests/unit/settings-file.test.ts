import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  disabledSites,
  dismissals,
  dwellMs,
  hiddenEntities,
  highlightStyle,
  paused,
} from '../../extension/settings';
import { exportSettings, importSettings } from '../../extension/settings-file';

beforeEach(() => {
  fakeBrowser.reset();
});

async function seed() {
  await disabledSites.setValue(['example.com']);
  await paused.setValue(true);
  await hiddenEntities.setValue(['x']);
  await highlightStyle.setValue('underline');
  await dwellMs.setValue(450);
  await dismissals.setValue([{ site: 'example.com', entity: 'x', text: 'X Games' }]);
}

function file(settings: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return JSON.stringify({ format: 'rivalry-lens-settings', formatVersion: 1, settings, ...extra });
}

async function everything() {
  return {
    sync: await fakeBrowser.storage.sync.get(null),
    local: await fakeBrowser.storage.local.get(null),
  };
}

describe('export', () => {
  it('writes every setting with its version', async () => {
    await seed();
    const json = JSON.parse(await exportSettings(new Date('2026-01-02T03:04:05Z')));
    expect(json).toEqual({
      format: 'rivalry-lens-settings',
      formatVersion: 1,
      exportedAt: '2026-01-02T03:04:05.000Z',
      versions: {
        disabledSites: 2,
        paused: 1,
        hiddenEntities: 1,
        highlightStyle: 1,
        dwellMs: 1,
        dismissals: 3,
      },
      settings: {
        disabledSites: ['example.com'],
        paused: true,
        hiddenEntities: ['x'],
        highlightStyle: 'underline',
        dwellMs: 450,
        dismissals: [{ site: 'example.com', entity: 'x', text: 'X Games' }],
      },
    });
  });

  it('round-trips: an export imported into a fresh profile restores everything', async () => {
    await seed();
    const exported = await exportSettings();
    const before = await everything();
    fakeBrowser.reset();
    expect(await importSettings(exported)).toEqual({
      ok: true,
      imported: [
        'disabledSites',
        'paused',
        'hiddenEntities',
        'highlightStyle',
        'dwellMs',
        'dismissals',
      ],
    });
    expect(await disabledSites.getValue()).toEqual(['example.com']);
    expect(await dwellMs.getValue()).toBe(450);
    expect(await dismissals.getValue()).toHaveLength(1);
    const after = await everything();
    expect(after.sync).toMatchObject(
      Object.fromEntries(Object.entries(before.sync).filter(([k]) => !k.endsWith('$'))),
    );
  });
});

describe('import', () => {
  it('a partial file changes only what it names, and records the versions', async () => {
    await seed();
    expect(await importSettings(file({ dwellMs: 800 }))).toEqual({
      ok: true,
      imported: ['dwellMs'],
    });
    expect(await dwellMs.getValue()).toBe(800);
    expect(await highlightStyle.getValue()).toBe('underline');
    expect(await fakeBrowser.storage.sync.get('dwellMs$')).toEqual({ dwellMs$: { v: 1 } });
  });

  it('drops repeated entries rather than refusing the file', async () => {
    expect(await importSettings(file({ disabledSites: ['a.org', 'b.org', 'a.org'] }))).toEqual({
      ok: true,
      imported: ['disabledSites'],
    });
    expect(await disabledSites.getValue()).toEqual(['a.org', 'b.org']);
  });

  it('migrates settings saved by an older version of their shape', async () => {
    const result = await importSettings(
      file({ disabledSites: ['WWW.B.org', 'a.org', 'b.org'] }, { versions: { disabledSites: 1 } }),
    );
    expect(result.ok).toBe(true);
    expect(await disabledSites.getValue()).toEqual(['a.org', 'b.org']);
  });

  const refused: [string, string, RegExp][] = [
    ['not JSON', '{"format": ', /not JSON/],
    [
      'another format',
      JSON.stringify({ format: 'something-else' }),
      /not a Rivalry Lens settings file/,
    ],
    ['a list', '[]', /not a Rivalry Lens settings file/],
    ['a newer format', file({}, { formatVersion: 2 }), /newer version of Rivalry Lens \(format 2/],
    ['an unknown setting', file({ colour: 'red' }), /Unknown setting "colour"/],
    ['an unknown field', file({}, { comment: 'hi' }), /Unknown field "comment"/],
    [
      'a bad style',
      file({ highlightStyle: 'bold' }),
      /Highlight style \(“highlightStyle”\): must be "fill" or "underline"/,
    ],
    ['a dwell out of range', file({ dwellMs: 99999 }), /Card delay.*at most 2000 ms/],
    [
      'a bad site',
      file({ disabledSites: ['ok.org', 'not a host'] }),
      /disabledSites.*1: must be a host name/,
    ],
    [
      'a bad dismissal',
      file({ dismissals: [{ site: 'a.org', entity: 'x' }] }),
      /0\.text: Invalid key/,
    ],
    [
      'a newer setting version',
      file({ dwellMs: 300 }, { versions: { dwellMs: 9 } }),
      /"dwellMs" was saved by a newer version/,
    ],
    ['settings not an object', file({}, { settings: 3 }), /"settings" must be an object/],
  ];
  it.each(refused)(
    'refuses %s, says what is wrong, and changes nothing',
    async (_, text, message) => {
      await seed();
      const before = await everything();
      const result = await importSettings(text);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.errors.join('\n')).toMatch(message);
      expect(await everything()).toEqual(before);
    },
  );

  it('names every problem of a bad file, and writes none of its good settings', async () => {
    await seed();
    const result = await importSettings(
      file({ dwellMs: 700, highlightStyle: 'bold', paused: 'no', hiddenEntities: ['ok'] }),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^Highlight style/),
        expect.stringMatching(/^Pause everywhere/),
      ],
    });
    expect(await dwellMs.getValue()).toBe(450);
    expect(await hiddenEntities.getValue()).toEqual(['x']);
  });

  it('a failed save puts back what was already written', async () => {
    await seed();
    const before = await everything();
    const set = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const result = await importSettings(
      file({ dwellMs: 700, paused: false, highlightStyle: 'fill' }),
    );
    set.mockRestore();
    expect(result).toEqual({
      ok: false,
      errors: ['The settings could not be saved: QUOTA_BYTES quota exceeded'],
    });
    expect(await everything()).toEqual(before);
  });
});
