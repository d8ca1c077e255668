/**
 * Preact's renderer supports `dangerouslySetInnerHTML` with one `innerHTML` assignment, which
 * addons.mozilla.org's linter reports in every bundle that holds Preact (the popup, the options
 * page and the content script's cards), used or not. Rivalry Lens never sets HTML from a string
 * (Biome's `noDangerouslySetInnerHtml` keeps it so), so the build replaces that assignment with a
 * throw: the dead branch is gone from the packages, and a use of the prop would fail loudly
 * instead of passing review unseen.
 */
import type { Plugin } from 'vite';

const PREACT = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
/** `dom.innerHTML = newHtml.__html`, as Preact's minified build writes it. */
const ASSIGNMENT = /\b\w+\.innerHTML=\w+\.__html\b/g;

/** Preact's build with its one `innerHTML` assignment turned into a throw. */
export function withoutInnerHtml(code: string): string {
  const found = code.match(ASSIGNMENT) ?? [];
  if (found.length !== 1) {
    // Preact's build changed: look again rather than ship a warning or a broken renderer.
    throw new Error(
      `preact: expected one innerHTML assignment, found ${found.length}; see build/preact-no-inner-html-plugin.ts`,
    );
  }
  return code.replace(
    ASSIGNMENT,
    '(()=>{throw new Error("dangerouslySetInnerHTML is not supported in Rivalry Lens")})()',
  );
}

export function preactNoInnerHtmlPlugin(): Plugin {
  return {
    name: 'rivalry-lens:preact-no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!PREACT.test(file)) return null;
      return { code: withoutInnerHtml(code), map: null };
    },
  };
}
