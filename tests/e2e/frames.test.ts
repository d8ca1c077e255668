/**
 * Same-origin frames in the popup and the badge (issue #16): tests/fixtures/iframe.html names
 * OpenAI in the page, Neuralink and SpaceX in a child frame and Stoke Space in a srcdoc frame;
 * the popup lists all four, the badge counts four, and "reveal" reaches a frame's mention.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, highlights, serveFixtures, until } from './harness';
import { badgeOf, launch, PopupPage, removeProfile, type Session, tabIdOf } from './popup-harness';

let fixtures: FixtureServer;
let session: Session;

beforeAll(async () => {
  fixtures = await serveFixtures();
  session = await launch();
});
afterAll(async () => {
  await session?.close();
  removeProfile(session.profileDir);
  await fixtures?.close();
});

describe('a page with same-origin frames', () => {
  it('counts the frames’ mentions in the popup and the badge, and reveals in a frame', async () => {
    const tab = await session.context.newPage();
    await tab.goto(fixtures.url('/iframe.html'));
    const child = tab.frame({ url: /iframe-child/ });
    if (!child) throw new Error('no child frame');
    await until(async () => expect(Object.keys(await highlights(child))).toHaveLength(2));
    const tabId = await tabIdOf(session, tab);
    await expect.poll(() => badgeOf(session, tabId), { timeout: 5000 }).toBe('4');
    const popup = await PopupPage.open(session, tabId);
    await expect
      .poll(() => popup.counts(), { timeout: 5000 })
      .toEqual({ openai: 1, neuralink: 1, spacex: 1, 'stoke-space': 1 });
    expect(await popup.total()).toBe(4);
    expect(await popup.entity('neuralink').textContent()).toContain('The child frame mentions');
    await popup.entity('neuralink').click();
    // The child frame's own flash: the revealed mention, painted in its registry.
    await until(async () =>
      expect(
        await child.evaluate(() => {
          const flash = CSS.highlights.get('rlens-flash') as unknown as Set<AbstractRange>;
          return flash ? [...flash].map((r) => r.startContainer.textContent) : [];
        }),
      ).toEqual(['The child frame mentions Neuralink and SpaceX.']),
    );
    // A frame taken out of the page takes its count off the badge.
    await tab.evaluate(() => document.getElementById('child')?.remove());
    await expect.poll(() => badgeOf(session, tabId), { timeout: 5000 }).toBe('2');
  });
});
