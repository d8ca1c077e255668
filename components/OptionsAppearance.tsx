/** How mentions look (fill or underline) and how long the pointer rests before a card opens. */
import { useEffect, useState } from 'preact/hooks';
import { DWELL_MAX_MS, DWELL_MIN_MS, type HighlightStyle } from '../extension/setting-specs';
import { FIREFOX_HIGHLIGHT_UNDERLINES } from '../extension/browser-support';
import { formatNumber, i18n } from '../extension/i18n';
import { entityFill, entityUnderline, FILL_TEXT } from '../extension/palette';
import { dwellMs, highlightStyle } from '../extension/settings';

const STYLES: { value: HighlightStyle; label: () => string }[] = [
  { value: 'fill', label: () => i18n.t('options.look.fill') },
  { value: 'underline', label: () => i18n.t('options.look.underline') },
];

/**
 * The samples are painted as a mention of `entity` is, in both schemes (options.css picks):
 * the fill with its underline, or the underline alone.
 */
const sampleVars = (entity: string) => ({
  '--sample-fill-light': entityFill(entity, 'light'),
  '--sample-fill-dark': entityFill(entity, 'dark'),
  '--sample-ink-light': entityUnderline(entity, 'light'),
  '--sample-ink-dark': entityUnderline(entity, 'dark'),
  '--sample-text-light': FILL_TEXT.light,
  '--sample-text-dark': FILL_TEXT.dark,
});

export function OptionsAppearance(props: {
  style: HighlightStyle;
  dwell: number;
  /** The entity whose colours the samples wear. */
  sampleEntity: string;
  /**
   * Whether this browser draws highlight underlines (extension/browser-support.ts). Where it does
   * not, pages show the fill whatever is stored, so the choices show that and say why.
   */
  underlines: boolean;
}) {
  const shown = props.underlines ? props.style : 'fill';
  // The slider moves freely; the setting is written when it is let go.
  const [dwell, setDwell] = useState(props.dwell);
  useEffect(() => setDwell(props.dwell), [props.dwell]);
  return (
    <section aria-labelledby="look-title">
      <h2 id="look-title">{i18n.t('options.look.title')}</h2>
      <fieldset class={props.underlines ? 'radios' : 'radios no-underlines'}>
        <legend>{i18n.t('options.look.style')}</legend>
        {STYLES.map((style) => (
          <label key={style.value}>
            <input
              type="radio"
              name="highlight-style"
              value={style.value}
              checked={shown === style.value}
              disabled={style.value === 'underline' && !props.underlines}
              aria-describedby={props.underlines ? undefined : 'style-explain'}
              onChange={() => void highlightStyle.setValue(style.value)}
            />
            <span class={`sample sample-${style.value}`} style={sampleVars(props.sampleEntity)}>
              {style.label()}
            </span>
          </label>
        ))}
      </fieldset>
      {!props.underlines && (
        <p class="explain" id="style-explain">
          {/* $1: the first Firefox version that draws them. */}
          {i18n.t('options.look.underlineUnavailable', [String(FIREFOX_HIGHLIGHT_UNDERLINES)])}
        </p>
      )}
      <label class="range" for="dwell">
        {i18n.t('options.look.delay')}{' '}
        <output for="dwell">{i18n.t('options.look.delayValue', [formatNumber(dwell)])}</output>
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
        {i18n.t('options.look.delayExplain')}
      </p>
    </section>
  );
}
