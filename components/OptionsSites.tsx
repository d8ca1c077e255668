/** Sites where Rivalry Lens is off: the list, removal, and adding one by name. */
import { useState } from 'preact/hooks';
import { disabledSites } from '../extension/settings';
import { parseSiteInput, SITE_RULE_TEXT } from '../extension/site';

/** Text with its backticked parts as `<code>`, keyed by offset (the text is a constant). */
function withCode(text: string) {
  const out: (string | preact.JSX.Element)[] = [];
  let at = 0;
  for (const [i, part] of text.split('`').entries()) {
    out.push(i % 2 === 1 ? <code key={at}>{part}</code> : part);
    at += part.length + 1;
  }
  return out;
}

export function OptionsSites(props: { sites: readonly string[] }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');

  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parseSiteInput(input);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    if (props.sites.includes(parsed.site)) {
      setError(`${parsed.site} is already in the list.`);
      return;
    }
    try {
      await disabledSites.setValue([...props.sites, parsed.site].sort());
      setInput('');
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const remove = (site: string) =>
    void disabledSites.setValue(props.sites.filter((s) => s !== site));

  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">Sites where it is off</h2>
      <p class="explain" id="sites-explain">
        {withCode(SITE_RULE_TEXT)}
      </p>
      {props.sites.length === 0 ? (
        <p class="empty">Rivalry Lens is on everywhere.</p>
      ) : (
        <ul class="rows">
          {props.sites.map((site) => (
            <li key={site}>
              <span class="row-main">{site}</span>
              <button
                type="button"
                onClick={() => remove(site)}
                aria-label={`Turn on ${site} again`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add" onSubmit={(e) => void add(e)}>
        <label for="site-input">Turn off on</label>
        <input
          id="site-input"
          type="text"
          inputMode="url"
          placeholder="news.example.com"
          value={input}
          aria-describedby="sites-explain site-error"
          aria-invalid={error !== ''}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit">Add</button>
      </form>
      <p id="site-error" class="error" role="alert">
        {error}
      </p>
    </section>
  );
}
