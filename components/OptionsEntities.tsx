/** Which names to highlight: one checkbox per highlighted entity of the dataset. */
import type { EntityId } from '../core/types';
import { i18n } from '../extension/i18n';
import { swatchVars } from '../extension/palette';
import { hiddenEntities } from '../extension/settings';

export interface OptionsEntity {
  id: EntityId;
  name: string;
  highlight: boolean;
}

export function OptionsEntities(props: {
  entities: readonly OptionsEntity[];
  hidden: readonly EntityId[];
}) {
  const shown = props.entities.filter((e) => e.highlight);
  const toggle = (id: EntityId, highlight: boolean) => {
    const next = highlight ? props.hidden.filter((h) => h !== id) : [...props.hidden, id].sort();
    void hiddenEntities.setValue(next);
  };
  return (
    <section aria-labelledby="entities-title">
      <h2 id="entities-title">{i18n.t('options.entities.title')}</h2>
      <fieldset class="checks">
        <legend class="explain">{i18n.t('options.entities.explain')}</legend>
        {shown.map((entity) => (
          <label key={entity.id}>
            <input
              type="checkbox"
              checked={!props.hidden.includes(entity.id)}
              onChange={(e) => toggle(entity.id, e.currentTarget.checked)}
            />
            {/* Its colours, as its mentions are painted: which highlight is which name. */}
            <span class="swatch" aria-hidden="true" style={swatchVars(entity.id)} />
            {entity.name}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
