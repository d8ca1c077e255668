import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type CardModel, cardModel } from '../../core/card-model';
import type { Dataset } from '../../core/dataset';
import { dataset as bundled } from '../../core/rivalry-data';
import { loadActiveDataset, storedData, usableDataset } from '../../extension/active-dataset';
import { CHECK_EVERY_MS, DEFAULT_DATA_URL, MAX_DATA_BYTES } from '../../extension/data-source';
import {
  acceptDataFile,
  checkDue,
  checkIfDue,
  checkNow,
  dataUpdatesOn,
  fetchDataFile,
  importDataFile,
  lastCheck,
  revertToBundledData,
} from '../../extension/data-update';
import {
  badFiles,
  bundledData,
  fileVersion,
  hugeFile,
  marker,
  validFile,
} from '../fixtures/data-update/data-files';

beforeEach(() => {
  fakeBrowser.reset();
});

/** A fetch that answers `body` once per call, and remembers each call. */
function fakeFetch(body: string) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response(body));
}

describe('acceptDataFile', () => {
  it('takes a valid, newer file', () => {
    const result = acceptDataFile(JSON.stringify(validFile(2)), bundled);
    expect(result.ok && result.dataset.entities.find((e) => e.id === 'openai')?.description).toBe(
      marker(2),
    );
  });

  it('the bundled file has a version', () => {
    expect(bundled.version).toBeGreaterThanOrEqual(1);
  });

  it('refuses a file that is not JSON, or cut short', () => {
    const result = acceptDataFile(badFiles(2).json ?? '', bundled);
    expect(result).toMatchObject({ ok: false, same: false });
    expect(!result.ok && result.message).toMatch(/not valid JSON/);
  });

  it('refuses a schema error, naming the entity and the field', () => {
    const result = acceptDataFile(badFiles(2).schema ?? '', bundled);
    expect(!result.ok && result.errors.join('\n')).toMatch(/entity "[a-z-]+" › kind: must be/);
  });

  it('refuses a dangling reference', () => {
    const result = acceptDataFile(badFiles(2).dangling ?? '', bundled);
    expect(!result.ok && result.errors.join('\n')).toMatch(
      /facts\[0\]\.source: no source "no-such-source"/,
    );
  });

  it('refuses an older or the same version, telling them apart', () => {
    const inUse = validFile(3);
    const older = acceptDataFile(JSON.stringify(validFile(2)), inUse);
    const same = acceptDataFile(JSON.stringify(validFile(3)), inUse);
    expect(older).toMatchObject({ ok: false, same: false });
    expect(!older.ok && older.message).toMatch(
      new RegExp(
        String.raw`version ${fileVersion(2)}, older than the data in use \(version ${fileVersion(3)}\)`,
      ),
    );
    expect(same).toMatchObject({ ok: false, same: true });
  });

  it('refuses a file without a version', () => {
    const data: Partial<Dataset> = validFile(2);
    delete data.version;
    const result = acceptDataFile(JSON.stringify(data), bundled);
    expect(!result.ok && result.errors).toEqual(['version: is missing']);
  });

  it('refuses a file that highlights other entities than this release', () => {
    const data = validFile(2);
    const copy = structuredClone(
      data.entities.find((e) => e.id === 'neuralink') as Dataset['entities'][number],
    );
    data.entities.push({
      ...copy,
      id: 'merge-labs-2',
      name: 'Brainco',
      aliases: [{ text: 'Brainco' }],
    });
    const result = acceptDataFile(JSON.stringify(data), bundled);
    expect(!result.ok && result.errors.join()).toMatch(/highlighted entities are .*merge-labs-2/);
  });

  it('takes a file that adds an entity shown on cards only', () => {
    const data = validFile(2);
    const copy = structuredClone(
      data.entities.find((e) => e.id === 'neuralink') as Dataset['entities'][number],
    );
    data.entities.push({
      ...copy,
      id: 'brainco',
      name: 'Brainco',
      highlight: false,
      aliases: [{ text: 'Brainco' }],
    });
    expect(acceptDataFile(JSON.stringify(data), bundled).ok).toBe(true);
  });

  it('lists at most a dozen problems', () => {
    const data = validFile(2) as unknown as { entities: { kind: string }[] };
    for (const e of data.entities) e.kind = 'robot';
    const result = acceptDataFile(JSON.stringify(data), bundled);
    expect(!result.ok && result.errors.length).toBe(13);
    expect(!result.ok && result.errors.at(-1)).toMatch(/^and \d+ more problems$/);
  });
});

describe('fetchDataFile against a local server', () => {
  let server: Server;
  let origin = '';
  const seen: IncomingMessage[] = [];
  const routes: Record<string, (res: ServerResponse) => void> = {
    '/ok.json': (res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"a":1}'),
    '/missing.json': (res) => res.writeHead(404).end(),
    '/big.json': (res) =>
      res
        .writeHead(200, { 'Content-Length': 2 * MAX_DATA_BYTES })
        .end(hugeFile(2, 2 * MAX_DATA_BYTES)),
    // No Content-Length: chunked, and endless.
    '/endless.json': (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = ' '.repeat(64 * 1024);
      const write = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', write);
      };
      write();
    },
    '/hang.json': () => undefined,
    '/slow-body.json': (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"a":');
    },
  };
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      const route = routes[req.url ?? ''];
      if (route) route(res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  });

  it('the published address is the repository main branch', () => {
    expect(DEFAULT_DATA_URL).toBe(
      'https://raw.githubusercontent.com/rivalry-lens/rivalry-lens/main/data/rivalry.json',
    );
  });

  it('downloads the file with a plain GET', async () => {
    seen.length = 0;
    expect(await fetchDataFile({ url: `${origin}/ok.json` })).toEqual({
      ok: true,
      text: '{"a":1}',
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.url).toBe('/ok.json');
    expect(seen[0]?.headers.cookie).toBeUndefined();
    expect(seen[0]?.headers.referer).toBeUndefined();
  });

  it('refuses an error status', async () => {
    const result = await fetchDataFile({ url: `${origin}/missing.json` });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/answered 404/) });
  });

  it('refuses a file said to be over 1 MB', async () => {
    const result = await fetchDataFile({ url: `${origin}/big.json` });
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/is 2 MB, more than the 1 MB/),
    });
  });

  it('stops a file that grows past 1 MB without saying its size', async () => {
    const result = await fetchDataFile({ url: `${origin}/endless.json`, timeoutMs: 10_000 });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/grew past the 1 MB/) });
  });

  it('gives up on a server that sends nothing, or not the whole file', async () => {
    for (const path of ['/hang.json', '/slow-body.json']) {
      const result = await fetchDataFile({ url: `${origin}${path}`, timeoutMs: 300 });
      expect(result).toEqual({
        ok: false,
        message: expect.stringMatching(/no complete file within/),
      });
    }
  });

  it('says when the server cannot be reached', async () => {
    const result = await fetchDataFile({ url: 'http://127.0.0.1:1/x.json' });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^Could not download/) });
  });
});

describe('checkNow', () => {
  it('takes a newer file, which becomes the data in use', async () => {
    const outcome = await checkNow({
      fetch: fakeFetch(JSON.stringify(validFile(2))),
      now: () => 5,
    });
    expect(outcome).toMatchObject({ kind: 'updated', version: fileVersion(2), at: 5 });
    expect(await lastCheck.getValue()).toEqual(outcome);
    const active = await loadActiveDataset();
    expect(active).toMatchObject({ origin: 'download', at: 5 });
    expect(active.dataset.version).toBe(fileVersion(2));
  });

  it('asks for the file with no cookies, no cache and no referrer', async () => {
    const get = fakeFetch(JSON.stringify(validFile(2)));
    await checkNow({ fetch: get, url: 'https://data.example/rivalry.json' });
    expect(get).toHaveBeenCalledTimes(1);
    const [url, init] = get.mock.calls[0] ?? [];
    expect(url).toBe('https://data.example/rivalry.json');
    expect(init).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    expect(init?.headers).toBeUndefined();
  });

  it('keeps the data in use when a file is refused, and says why', async () => {
    await checkNow({ fetch: fakeFetch(JSON.stringify(validFile(3))) });
    for (const text of [...Object.values(badFiles(4)), JSON.stringify(validFile(2))]) {
      const outcome = await checkNow({ fetch: fakeFetch(text) });
      expect(outcome.kind).toBe('refused');
      expect(outcome.message).toMatch(/The data in use is kept\.$/);
      expect((await loadActiveDataset()).dataset.version).toBe(fileVersion(3));
    }
  });

  it('says the data is current when the published file is the one in use', async () => {
    await checkNow({ fetch: fakeFetch(JSON.stringify(validFile(2))) });
    const outcome = await checkNow({ fetch: fakeFetch(JSON.stringify(validFile(2))) });
    expect(outcome).toMatchObject({ kind: 'current', version: fileVersion(2) });
  });

  it('makes no request without the host access that keeps it free of an id', async () => {
    const get = fakeFetch(JSON.stringify(validFile(2)));
    const outcome = await checkNow({ fetch: get, hostAccess: async () => false });
    expect(get).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/^Not checked/),
    });
    expect((await loadActiveDataset()).origin).toBe('bundled');
  });

  it('shares one request between calls made together', async () => {
    const get = fakeFetch(JSON.stringify(validFile(2)));
    await Promise.all([checkNow({ fetch: get }), checkNow({ fetch: get })]);
    expect(get).toHaveBeenCalledTimes(1);
  });
});

describe('the automatic check', () => {
  it('makes no request while the option is off, whatever the date', async () => {
    const get = fakeFetch(JSON.stringify(validFile(2)));
    expect(await dataUpdatesOn.getValue()).toBe(false);
    expect(await checkIfDue({ fetch: get })).toBeUndefined();
    expect(get).not.toHaveBeenCalled();
  });

  it('with the option on, checks when never checked, then at most daily', async () => {
    await dataUpdatesOn.setValue(true);
    const get = fakeFetch(JSON.stringify(validFile(2)));
    const t0 = 1_000_000_000_000;
    await checkIfDue({ fetch: get, now: () => t0 });
    await checkIfDue({ fetch: get, now: () => t0 + CHECK_EVERY_MS - 1 });
    expect(get).toHaveBeenCalledTimes(1);
    await checkIfDue({ fetch: get, now: () => t0 + CHECK_EVERY_MS });
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('is due again when the clock was set back', () => {
    const last = { kind: 'current', at: 1000, version: fileVersion(1), message: '' } as const;
    expect(checkDue(last, 999)).toBe(true);
    expect(checkDue(last, 1001)).toBe(false);
    expect(checkDue(null, 0)).toBe(true);
  });
});

describe('the data in use', () => {
  it('is the bundled data when nothing is stored', async () => {
    expect(await loadActiveDataset()).toEqual({ dataset: bundled, origin: 'bundled' });
  });

  it('is the bundled data when the stored file no longer passes the checks', async () => {
    const broken = validFile(5) as unknown as { entities: { kind: string }[] };
    (broken.entities[0] as { kind: string }).kind = 'robot';
    await storedData.setValue({ dataset: broken, origin: 'download', at: 1 });
    expect((await loadActiveDataset()).origin).toBe('bundled');
  });

  it('is the bundled data when a release overtook the stored file', async () => {
    await storedData.setValue({
      dataset: validFile(1),
      origin: 'download',
      at: 1,
    });
    expect((await loadActiveDataset()).origin).toBe('bundled');
  });

  it('"Use the bundled data" goes back, and turns the option off', async () => {
    await dataUpdatesOn.setValue(true);
    await checkNow({ fetch: fakeFetch(JSON.stringify(validFile(2))) });
    await revertToBundledData();
    expect(await loadActiveDataset()).toEqual({ dataset: bundled, origin: 'bundled' });
    expect(await dataUpdatesOn.getValue()).toBe(false);
  });

  it('usableDataset accepts the bundled data itself', () => {
    expect(usableDataset(bundledData()).ok).toBe(true);
  });
});

describe('importDataFile', () => {
  const file = (name: string, text: string) => ({
    name,
    size: new TextEncoder().encode(text).length,
    text: async () => text,
  });

  it('takes a newer file, with the same checks as a download', async () => {
    const outcome = await importDataFile(file('v2.json', JSON.stringify(validFile(2))), () => 7);
    expect(outcome).toMatchObject({ kind: 'updated', version: fileVersion(2) });
    expect(await loadActiveDataset()).toMatchObject({ origin: 'file', name: 'v2.json', at: 7 });
    const refused = await importDataFile(file('bad.json', badFiles(3).dangling ?? ''));
    expect(refused).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/^bad\.json: /),
    });
    expect((await loadActiveDataset()).dataset.version).toBe(fileVersion(2));
  });

  it('refuses a file over 1 MB without reading it', async () => {
    const text = vi.fn(async () => '');
    const outcome = await importDataFile({ name: 'big.json', size: 2 * MAX_DATA_BYTES, text });
    expect(outcome).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/is 2 MB, more than the 1 MB/),
    });
    expect(text).not.toHaveBeenCalled();
  });
});

describe('the background', () => {
  // Only the content script's declaration is read by the background's imports.
  vi.mock('virtual:rivalry-match-data', () => ({ default: { entities: [] } }));

  const ask = (entity: string) =>
    fakeBrowser.runtime.onMessage
      .trigger({ type: 'getCard', entity }, {}, () => {})
      .then((answers: unknown[]) => answers.find((a) => a !== undefined) as CardModel | undefined);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  beforeEach(() => {
    // What the fake browser leaves unimplemented and the background only registers with.
    const event = { addListener: () => {} };
    Object.assign(fakeBrowser.contextMenus, {
      onClicked: event,
      update: async () => {},
      removeAll: async () => {},
    });
    Object.assign(fakeBrowser.commands, { onCommand: event });
  });

  it('builds cards from the data in use, and again after an update and a reset', async () => {
    const { default: background } = await import('../../entrypoints/background');
    background.main();
    expect((await ask('openai'))?.description).toBe(cardModel(bundled, 'openai')?.description);
    await checkNow({ fetch: fakeFetch(JSON.stringify(validFile(2))) });
    await settle();
    expect((await ask('openai'))?.description).toBe(marker(2));
    await revertToBundledData();
    await settle();
    expect((await ask('openai'))?.description).not.toBe(marker(2));
  });

  it('checks the published file when the option is turned on, and not before', async () => {
    const get = vi.fn(async () => new Response(JSON.stringify(validFile(2))));
    vi.stubGlobal('fetch', get);
    try {
      const { default: background } = await import('../../entrypoints/background');
      background.main();
      await settle();
      expect(get).not.toHaveBeenCalled();
      await dataUpdatesOn.setValue(true);
      await vi.waitFor(async () => expect((await lastCheck.getValue())?.kind).toBe('updated'));
      expect(get).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
