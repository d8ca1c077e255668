/**
 * The fronts' names in the interface's language (`fronts.*` in locales/*.yml). They label the
 * card's lines and the popup's, so a German card reads "Raumfahrt — gegen SpaceX" and not
 * "Space — gegen SpaceX"; the dataset's descriptions, facts and sources stay in English.
 */
import type { Dataset } from '../core/dataset';
import { i18n } from './i18n';

/** `data` with each front named in the interface's language, the rest as written. */
export function withLocalFronts(data: Dataset): Dataset {
  return { ...data, fronts: data.fronts.map((f) => ({ ...f, name: i18n.t(`fronts.${f.id}`) })) };
}
