/** How mentions look (fill or underline) and how long the pointer rests before a card opens. */
import { useEffect, useState } from 'preact/hooks';
import { DWELL_MAX_MS, DWELL_MIN_MS, type HighlightStyle } from '../extension/setting-specs';
import { dwellMs, highlightStyle } from '../extension/settings';

const STYLES: { value: HighlightStyle; label: string }[] = [
  { value: 'fill', label: 'Fill' },
  { value: 'underline', label: 'Underline' },
];

export function OptionsAppearance(props: { style: HighlightStyle; dwell: number }) {
  // The slider moves freely; the setting is written when it is let go.
  const [dwell, setDwell] = useState(props.dwell);
  useEffect(() => setDwell(props.dwell), [props.dwell]);
  return (
    <section aria-labelledby="look-title">
      <h2 id="look-title">Highlights and cards</h2>
      <fieldset class="radios">
        <legend>Highlight style</legend>
        {STYLES.map((style) => (
          <label key={style.value}>
            <input
              type="radio"
              name="highlight-style"
              value={style.value}
              checked={props.style === style.value}
              onChange={() => void highlightStyle.setValue(style.value)}
            />
            <span class={`sample sample-${style.value}`}>{style.label}</span>
          </label>
        ))}
      </fieldset>
      <label class="range" for="dwell">
        Card delay <output for="dwell">{dwell} ms</output>
      </label>
      <input
        id="dwell"
        type="range"
        min={DWELL_MIN_MS}
        max={DWELL_MAX_MS}
        step={50}
        value={dwell}
        aria-describedby="dwell-explain"
        onInput={(e) => setDwell(Number(e.currentTarget.value))}
        onChange={(e) => void dwellMs.setValue(Number(e.currentTarget.value))}
      />
      <p class="explain" id="dwell-explain">
        How long the pointer rests on a name before its card opens, so that passing over a name
        opens nothing.
      </p>
    </section>
  );
}
