/**
 * The key under which an alias is compared with other aliases and with text: compatibility
 * forms folded (full-width letters become ASCII), lower case, and everything that is not a
 * letter or a digit removed, so "Space-X", "Space X" and "ＳｐａｃｅＸ" share the key "spacex".
 */
export function aliasKey(alias: string): string {
  return alias
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
