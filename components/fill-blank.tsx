/**
 * A translated sentence with one blank filled by an element (a `<code>` address), wherever the
 * language puts the blank: the message is asked for with a marker in the blank and cut there,
 * so no language has to split its sentence around the element.
 */
import type { ComponentChild } from 'preact';

// A private-use character: no message contains one, and unlike NUL it survives every browser's
// getMessage (Chromium hands substitutions through C strings).
const MARK = '\uE000';

export function fillBlank(message: (blank: string) => string, element: ComponentChild) {
  const [before, after = ''] = message(MARK).split(MARK);
  return (
    <>
      {before}
      {element}
      {after}
    </>
  );
}
