/**
 * `npm run scan -- FILE [FILE...]`: one JSON line per file with the mentions found in it.
 * Offsets are into the file's text decoded as UTF-8, without a leading byte-order mark.
 * A file that cannot be read is named on stderr; the others are still reported, and the
 * exit status is then 1.
 */
import { readFileSync } from 'node:fs';
import { findMentions } from '../core/find-mentions.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run scan -- FILE [FILE...]\n');
  process.exit(2);
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
let failed = false;
for (const file of files) {
  let text: string;
  try {
    text = decoder.decode(readFileSync(file));
  } catch (error) {
    failed = true;
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`scan: cannot read ${file}: ${reason}\n`);
    continue;
  }
  const mentions = findMentions(text).map(({ entity, start, end, text, score }) => ({
    entity,
    start,
    end,
    text,
    score,
  }));
  process.stdout.write(`${JSON.stringify({ file, mentions })}\n`);
}
process.exit(failed ? 1 : 0);
