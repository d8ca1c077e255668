// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectOwn } from '../../content/read/collect-text';
import { ownerOf } from '../../content/read/dom-rules';
import { wholeText } from '../../content/read/whole-text';
import { beginJob, type JobContext, stepJob } from '../../content/scan/read-job';
import type { EntityId, Mention } from '../../core/types';
import { always, page } from './part-helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Every run's text under `root`, owner by owner, as the scanner reads. */
function readAll(root: Element): string[] {
  const out: string[] = [];
  const queue: (Element | ShadowRoot)[] = [root];
  while (queue.length) {
    const { runs, nested } = collectOwn(queue.shift() as Element);
    for (const r of runs) out.push(r.text as string);
    queue.push(...nested);
  }
  return out;
}

describe('page chrome: share and follow furniture is never read', () => {
  it('skips links to the platform whose text is its name or a share/follow phrase', () => {
    const $ = page(
      '<footer id="f"><p>Find us: <a href="https://twitter.com/acme">Twitter</a> ' +
        '<a href="https://x.com/acme">X</a> <a href="https://www.x.com/acme">Follow us on X</a> ' +
        '<a href="https://x.com/intent/tweet?text=OpenAI">Post about OpenAI</a> ' +
        '<a href="https://twitter.com/share?url=1">Elon Musk</a> <a href="https://example.com/x">X</a></p></footer>',
    );
    expect(readAll($('f'))).toEqual(['Find us: ', ' X']);
  });

  it('skips share and follow widgets by class, id, label and data attribute', () => {
    const $ = page(
      '<main id="m"><div class="c-share__bar"><a href="#">X</a></div>' +
        '<ul class="socialLinks"><li>Twitter</li></ul><div id="follow-us">X</div>' +
        '<span aria-label="Share on X">X</span><b data-share="x">X</b>' +
        '<p>Elon Musk wrote on <a href="https://x.com/elonmusk/status/1">X</a> that Twitter ' +
        '<a href="https://x.com/some/news">had been renamed</a>.</p>' +
        '<p class="followup">A follow-up on xAI.</p></main>',
    );
    expect(readAll($('m'))).toEqual([
      'Elon Musk wrote on X that Twitter had been renamed.',
      'A follow-up on xAI.',
    ]);
  });

  it('skips the widgets of share services: tooltips, network attributes, run-together classes', () => {
    const $ = page(
      '<main id="m"><a class="sd-button" href="#" title="Click to share on X"><span>X</span></a>' +
        '<div class="st-btn" data-network="twitter"><span>Twitter</span></div>' +
        '<button data-sharer="x">X</button><div class="a2a_kit"><a href="#">X</a></div>' +
        '<ul class="sharebar"><li>X</li></ul><div class="footer-socialicons">Twitter</div>' +
        '<div class="followus">X</div><div class="socialmedia-links">Twitter</div>' +
        '<div class="shared-story">Shared: xAI</div><div class="following">Following Musk</div>' +
        '<a href="/news" title="Stories about X">X</a><div data-network="news">X</div>' +
        '<aside aria-label="Relevant people"><a href="/SpaceX">SpaceX</a><button>Follow</button></aside>' +
        '<aside aria-label="Trending now"><p>OpenAI</p></aside></main>',
    );
    // The main's own text (the last link) comes first, then its blocks in order.
    expect(readAll($('m'))).toEqual(['X', 'Shared: xAI', 'Following Musk', 'X', 'OpenAI']);
  });

  it('keeps a container that only says share when it holds the page', () => {
    const long = 'Sam Altman spoke at length. '.repeat(20);
    const $ = page(`<article id="a" class="has-social-share"><p>${long}</p></article>`);
    expect(readAll($('a'))).toEqual([long]);
    expect(ownerOf($('a').firstChild?.firstChild as Node)).not.toBeNull();
  });

  it('lets no chrome count on the page, not even as an entity seen', () => {
    const $ = page('<p id="p">Follow <a href="https://twitter.com/acme">Twitter</a> now</p>');
    const seen = new Set<EntityId>();
    const ctx: JobContext = {
      // Stands for the matcher: "Twitter" wherever it is, noted as seen.
      match: (text, options) =>
        [...text.matchAll(/\bTwitter\b/g)].map((m) => {
          options?.seen?.add('x-twitter');
          return {
            entity: 'x-twitter',
            start: m.index,
            end: m.index + 7,
            text: 'Twitter',
            score: 1,
            via: 'exact' as const,
          };
        }),
      seen,
      readWhole: vi.fn(),
      collected: vi.fn(),
    };
    const job = beginJob($('p'), ctx);
    while (!stepJob(job, always, ctx));
    expect(job.found).toEqual([]);
    expect(seen).toEqual(new Set());
  });

  it('leaves chrome out of a block whose whole text holds a mention', () => {
    const $ = page('<p id="p">Follow <a href="https://x.com/acme">X</a> now</p>');
    expect(wholeText($('p'))).toBe('Follow X now');
    const mentions: Mention[] = [];
    const ctx: JobContext = {
      // Stands for the matcher: "X" alone, wherever it is.
      match: (text) =>
        [...text.matchAll(/\bX\b/g)].map((m) => ({
          entity: 'x',
          start: m.index,
          end: m.index + 1,
          text: 'X',
          score: 1,
          via: 'exact' as const,
        })),
      seen: new Set<EntityId>(),
      readWhole: vi.fn(),
      collected: vi.fn(),
    };
    const job = beginJob($('p'), ctx);
    while (!stepJob(job, always, ctx));
    mentions.push(...job.found.map((f) => f.mention));
    expect(mentions).toEqual([]);
  });
});
