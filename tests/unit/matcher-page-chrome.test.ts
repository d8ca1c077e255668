import { describe, expect, it } from 'vitest';
import { exactAt } from '../../core/exact-names.ts';
import { type LinkedAlias, linkNames } from '../../core/linked-names.ts';
import { mentionsIn } from '../../core/matcher.ts';
import { isPageChrome } from '../../core/page-chrome.ts';
import { prepareNames } from '../../core/prepare-names.ts';
import type { WalkHit } from '../../core/trie.ts';
import { TINY } from './tiny-names.ts';

const linked = linkNames(prepareNames(TINY));

/** Whether the first `name` in `text` is read as page chrome. */
function chrome(text: string, name: string): boolean {
  const c = exactAt(linked, text, text.indexOf(name), [] as WalkHit<LinkedAlias>[]);
  if (!c) throw new Error(`no candidate for ${name} in ${text}`);
  return isPageChrome(text, c);
}

describe('page chrome (share and follow labels)', () => {
  it('takes a label of widget words standing alone for chrome', () => {
    expect(chrome('Share on X', 'X')).toBe(true);
    expect(chrome('Follow us on Twitter', 'Twitter')).toBe(true);
    expect(chrome('Intro text.\nPost on X\nMore text.', 'X')).toBe(true);
    expect(chrome('Share on Facebook | Share on X | Email', 'X')).toBe(true);
    expect(chrome('Partager sur X', 'X')).toBe(true);
  });

  it('takes a platform in a row of networks for chrome, and a handle after a follow verb', () => {
    expect(chrome('Facebook · X · Instagram', 'X')).toBe(true);
    expect(chrome('Follow @SpaceX', 'SpaceX')).toBe(true);
  });

  it("takes a label with its link's screen-reader text, or a newsletter invitation, for chrome", () => {
    expect(chrome('Click to share on X (Opens in new window)', 'X')).toBe(true);
    expect(chrome('Tap to share on X (opens in a new tab)', 'X')).toBe(true);
    expect(chrome('Want more? Follow us on X and sign up for our newsletter.', 'X')).toBe(true);
    expect(chrome('A story. Follow us on X and subscribe to our weekly newsletter', 'X')).toBe(
      true,
    );
  });

  it('takes a name alone on its line between widget lines for one icon of a column', () => {
    expect(chrome('Follow\nFacebook\nX\nInstagram\nRSS', 'X')).toBe(true);
    expect(chrome('Share on Facebook\nX', 'X')).toBe(true);
    expect(chrome('X\nInstagram', 'X')).toBe(true);
  });

  it('keeps a name alone on its line beside prose, and a sentence a stop or question bounds', () => {
    expect(chrome('Who bought it?\nX\nThe platform lost advertisers.', 'X')).toBe(false);
    expect(chrome('Facebook is fine.\nX\nmore text here', 'X')).toBe(false);
    expect(chrome('Want more? He said on X that it flew.', 'X')).toBe(false);
    expect(chrome('Follow us on X for live coverage of the launch.', 'X')).toBe(false);
    expect(chrome('Click the link he posted on X to see it', 'X')).toBe(false);
  });

  it('keeps a sentence, a lone name, and names that are not a platform', () => {
    expect(chrome('he said in a post on X that it flew', 'X')).toBe(false);
    expect(chrome('Follow us on X for the launch schedule', 'X')).toBe(false);
    expect(chrome('X', 'X')).toBe(false);
    expect(chrome('Share on Neuralink', 'Neuralink')).toBe(false);
    expect(chrome(`Share on X ${'and '.repeat(20)}`, 'X')).toBe(false);
  });

  it('keeps a sentence that signs in with a network, and names it otherwise', () => {
    expect(chrome('You can sign in with X to see the replies', 'X')).toBe(false);
    expect(chrome('Advertisers continue with X despite the boycott', 'X')).toBe(false);
    expect(chrome('Log in with Facebook, X or Google to read what Musk wrote', 'X')).toBe(false);
    expect(chrome('He said he would continue with X.', 'X')).toBe(false);
  });

  it('takes a sign-in widget for chrome', () => {
    expect(chrome('Sign in with X', 'X')).toBe(true);
    expect(chrome('12 replies\nSign in with Twitter\nSign in with Google', 'Twitter')).toBe(true);
    expect(chrome('Continue with X', 'X')).toBe(true);
    expect(chrome('Log in with Facebook, X or Google to comment', 'X')).toBe(true);
    expect(chrome('Or sign up with your X account', 'X')).toBe(true);
  });

  it('keeps networks named in a sentence, or after a colon that is no link label', () => {
    expect(chrome('X, Facebook and Instagram removed the video', 'X')).toBe(false);
    expect(chrome('Update: X, Facebook and Instagram removed the video', 'X')).toBe(false);
    expect(chrome('Platforms compared: Facebook, X and Bluesky', 'X')).toBe(false);
    expect(chrome('Breaking: X fined by EU regulators', 'X')).toBe(false);
    expect(chrome('Connect: Twitter | Facebook | Instagram | the launch video', 'Twitter')).toBe(
      false,
    );
  });

  it('takes a row of networks after a link label and a colon for chrome', () => {
    expect(chrome('Connect: Twitter | Facebook | Instagram | RSS', 'Twitter')).toBe(true);
    expect(chrome('Find us on: X, Facebook, LinkedIn', 'X')).toBe(true);
    expect(chrome('Story text.\nStay connected: Facebook, Instagram or X', 'X')).toBe(true);
  });

  it('keeps a report on cookies, and a list of networks in a sentence without cookies', () => {
    expect(chrome('Regulators fined X over tracking cookies, the platform said', 'X')).toBe(false);
    expect(chrome('Regulators said Facebook, X and TikTok set tracking cookies', 'X')).toBe(false);
    expect(chrome('You can post on X, Facebook or Instagram. Cookies are baked here.', 'X')).toBe(
      false,
    );
    expect(chrome('Musk posted on X that you should bake cookies', 'X')).toBe(false);
  });

  it('takes a network in a cookie banner’s list for chrome', () => {
    expect(
      chrome(
        'Some cookies are set by social networks like X, Facebook and YouTube so you can share',
        'X',
      ),
    ).toBe(true);
    expect(
      chrome('We use cookies from Facebook, Twitter and Google to show you ads', 'Twitter'),
    ).toBe(true);
  });

  it('drops the chrome from the mentions, and only the chrome', () => {
    const on = (text: string) => mentionsIn(linked, text).map((m) => `${m.entity}:${m.text}`);
    expect(on('Musk posted on X.\nShare on X · Share on Facebook')).toEqual([
      'elon-musk:Musk',
      'x-twitter:X',
    ]);
    expect(on('Share on Twitter')).toEqual([]);
    expect(on('Twitter posted')).toEqual(['x-twitter:Twitter']);
  });
});
