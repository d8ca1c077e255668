/**
 * The layout and the migration loop are checked against `@wxt-dev/storage` itself: the content
 * script and the settings file rely on them agreeing with the storage items.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import {
  type Migrations,
  migrate,
  placeOf,
  storedVersion,
  versionMeta,
} from '../../extension/storage-layout';

beforeEach(() => {
  fakeBrowser.reset();
});

const STEPS: Migrations = {
  2: (old) => `${old}>2`,
  // No step for 3: the value is carried over.
  4: (old) => `${old}>4`,
};

describe('placeOf', () => {
  it('names the area, the key and the metadata key', () => {
    expect(placeOf('sync:dwellMs')).toEqual({ area: 'sync', key: 'dwellMs', metaKey: 'dwellMs$' });
    expect(placeOf('local:a:b')).toEqual({ area: 'local', key: 'a', metaKey: 'a$' });
  });

  it('is where WXT writes a value and its version', async () => {
    // WXT records the version of a first write only for an item with migrations.
    const item = storage.defineItem<string>('sync:probe', {
      fallback: '',
      version: 3,
      migrations: {},
    });
    await item.setValue('hello');
    const { area, key, metaKey } = placeOf('sync:probe');
    expect(await fakeBrowser.storage[area].get(null)).toEqual({
      [key]: 'hello',
      [metaKey]: versionMeta(3),
    });
  });
});

describe('storedVersion', () => {
  it('reads the version, counting a value stored without one as version 1', () => {
    expect(storedVersion({ v: 2 })).toBe(2);
    expect(storedVersion(undefined)).toBe(1);
    expect(storedVersion({})).toBe(1);
    expect(storedVersion({ v: 'two' })).toBe(1);
  });
});

describe('migrate', () => {
  it('runs each step after the stored version, in order, up to the target', () => {
    expect(migrate('v1', 1, 4, STEPS)).toBe('v1>2>4');
    expect(migrate('v2', 2, 4, STEPS)).toBe('v2>4');
    expect(migrate('v1', 1, 2, STEPS)).toBe('v1>2');
  });

  it('leaves a value at the target version, or newer, alone', () => {
    expect(migrate('v4', 4, 4, STEPS)).toBe('v4');
    expect(migrate('v5', 5, 4, STEPS)).toBe('v5');
  });

  it('keeps the value when a step returns nothing', () => {
    expect(migrate('v1', 1, 2, { 2: () => undefined })).toBe('v1');
  });

  it('migrates as WXT migrates a stored item', async () => {
    await fakeBrowser.storage.local.set({ probe: 'v1' });
    const item = storage.defineItem<string>('local:probe', {
      fallback: '',
      version: 4,
      migrations: { ...STEPS },
    });
    await item.migrate();
    expect(await item.getValue()).toBe(migrate('v1', 1, 4, STEPS));
    expect(storedVersion(await item.getMeta())).toBe(4);
  });
});
