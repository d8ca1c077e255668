/**
 * What an entity id looks like (`stoke-space`): the dataset's schema and the stored settings
 * both check ids against this one pattern, so an id the dataset accepts is never refused later.
 */

/** Lower-case letters and digits in words joined by single hyphens. */
export const ENTITY_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
