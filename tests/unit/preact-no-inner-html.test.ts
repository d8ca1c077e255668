import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withoutInnerHtml } from '../../build/preact-no-inner-html-plugin';

const preact = readFileSync(
  createRequire(import.meta.url)
    .resolve('preact')
    .replace(/preact\.\w+$/, 'preact.mjs'),
  'utf8',
);

describe('Preact without innerHTML', () => {
  it('drops the one innerHTML assignment of the installed Preact and leaves the rest', () => {
    expect(preact).toMatch(/\.innerHTML=\w+\.__html/);
    const patched = withoutInnerHtml(preact);
    expect(patched).not.toMatch(/\.innerHTML\s*=[^=]/);
    expect(patched).toContain('dangerouslySetInnerHTML is not supported');
    expect(patched.replace(/\(\(\)=>\{throw new Error\("[^"]*"\)\}\)\(\)/, '')).toBe(
      preact.replace(/\w+\.innerHTML=\w+\.__html/, ''),
    );
  });

  it('fails the build when Preact changed and the assignment is not found once', () => {
    expect(() => withoutInnerHtml('export const x = 1;')).toThrow(/found 0/);
  });
});
