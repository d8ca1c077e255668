/** Sites where Rivalry Lens is off: the list, removal, and adding one by name. */
import { useState } from 'preact/hooks';
import { disabledSites } from '../extension/settings';
import { i18n } from '../extension/i18n';
import { parseSiteInput, type SiteInputError } from '../extension/site';

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

function inputError(error: SiteInputError, typed: string): string {
  if (error === 'empty') return i18n.t('site.errorEmpty');
  if (error === 'not-the-web') return i18n.t('site.errorNotWeb');
  return i18n.t('site.errorNotSite', [typed]);
}

export function OptionsSites(props: { sites: readonly string[] }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');

  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parseSiteInput(input);
    if ('error' in parsed) {
      setError(inputError(parsed.error, input.trim()));
      return;
    }
    if (props.sites.includes(parsed.site)) {
      setError(i18n.t('options.sites.already', [parsed.site]));
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
      <h2 id="sites-title">{i18n.t('options.sites.title')}</h2>
      <p class="explain" id="sites-explain">
        {withCode(i18n.t('site.rule'))}
      </p>
      {props.sites.length === 0 ? (
        <p class="empty">{i18n.t('options.sites.none')}</p>
      ) : (
        <ul class="rows">
          {props.sites.map((site) => (
            <li key={site}>
              <span class="row-main">{site}</span>
              <button
                type="button"
                onClick={() => remove(site)}
                aria-label={i18n.t('options.sites.removeLabel', [site])}
              >
                {i18n.t('options.sites.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add" onSubmit={(e) => void add(e)}>
        <label for="site-input">{i18n.t('options.sites.addLabel')}</label>
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
        <button type="submit">{i18n.t('options.sites.add')}</button>
      </form>
      <p id="site-error" class="error" role="alert">
        {error}
      </p>
    </section>
  );
}
