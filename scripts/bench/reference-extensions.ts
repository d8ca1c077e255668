/**
 * Reference extensions for the article with no mention: what any content script costs on that
 * page before it does anything of its own, measured exactly as ours is (traced loads, the time
 * of tasks running `chrome-extension://` code). Written to a temporary folder and loaded
 * unpacked, like the built extension.
 *
 * - `empty`: a content script that does nothing. Its time is the browser's for giving an
 *   extension a world in the page and running a script there.
 * - `elements`: a content script that only visits every element of the body once (its tag name)
 *   and takes the body's text once (`textContent`). Any reader that keeps names apart where
 *   blocks meet must at least visit the elements (the text alone runs "Home" into "OpenAI"), and
 *   from a new world each element visited costs a wrapper of its own.
 * - `markup`: the other way to see where blocks meet without a wrapper per element: serialize
 *   the body once (`getHTML`) and pass over its tags once with a regex, splitting the text at
 *   every tag (a real reader would also have to tell blocks from inline elements).
 *
 * And one for the big page: `floor`, the floor's code (`floorRanges` in `probe.ts`: every
 * text node, one regex, a Range per match, one Highlight) run as a content script in one task,
 * which is what issue #19 measures the last highlight against. Its highlight rule comes in the
 * manifest's CSS, as ours does in Chromium.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { floorRanges } from './probe.ts';

export type ReferenceKind = 'empty' | 'elements' | 'markup' | 'floor';

const SCRIPTS: Record<Exclude<ReferenceKind, 'floor'>, string> = {
  empty: 'void 0;\n',
  elements: `(() => {
  const body = document.body;
  if (!body) return;
  let tags = 0;
  let el = body;
  while (el) {
    tags += el.tagName.length;
    let next = el.firstElementChild;
    while (!next && el && el !== body) {
      next = el.nextElementSibling;
      if (!next) el = el.parentElement;
    }
    el = next;
  }
  globalThis.__referenceRead = tags + (body.textContent || '').length;
})();
`,
  markup: `(() => {
  const body = document.body;
  if (!body) return;
  const html = body.getHTML ? body.getHTML() : body.innerHTML;
  const tag = /<(?:!--[\\s\\S]*?-->|\\/?[a-zA-Z][^\\s\\/>]*(?:[^>"']|"[^"]*"|'[^']*')*>)/g;
  const texts = [];
  let last = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m.index > last) texts.push(html.slice(last, m.index));
    last = tag.lastIndex;
  }
  globalThis.__referenceRead = texts.length;
})();
`,
};

export interface ReferenceExtension {
  dir: string;
  remove(): void;
}

/** The floor's one task as a content script, on `regex` (the dataset's exact names). */
function floorScript(regex: RegExp): string {
  return `(() => {
  if (!document.body) return;
  ${floorRanges(regex)}
  CSS.highlights.set('bench-floor', new Highlight(...ranges));
})();
`;
}

/**
 * Writes the reference extension `kind` (Chromium MV3, pages of 127.0.0.1 only); `floor` needs
 * the regex it marks.
 */
export function writeReferenceExtension(kind: ReferenceKind, regex?: RegExp): ReferenceExtension {
  const dir = mkdtempSync(join(tmpdir(), `rivalry-lens-reference-${kind}-`));
  const manifest = {
    manifest_version: 3,
    name: `Reference content script (${kind})`,
    version: '1.0.0',
    // `launchBrowser` finds the extension's id through its service worker.
    background: { service_worker: 'background.js' },
    content_scripts: [
      {
        matches: ['http://127.0.0.1/*'],
        // Where ours is, so the trace tells when it started (`contentStart`).
        js: ['content-scripts/content.js'],
        run_at: 'document_idle',
        ...(kind === 'floor' ? { css: ['floor.css'] } : {}),
      },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  mkdirSync(join(dir, 'content-scripts'));
  writeFileSync(join(dir, 'background.js'), '// Nothing: present so the worker can be found.\n');
  if (kind === 'floor') {
    if (!regex) throw new Error('the floor reference needs its regex');
    writeFileSync(join(dir, 'content-scripts/content.js'), floorScript(regex));
    writeFileSync(
      join(dir, 'floor.css'),
      ':root::highlight(bench-floor) { background-color: #ffe066; }\n',
    );
  } else {
    writeFileSync(join(dir, 'content-scripts/content.js'), SCRIPTS[kind]);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
