/**
 * The repair of corrupt values. A stored value that does not match its schema reads as its
 * default already (see `settings.ts`); `repairSettings` (run by the background at start-up and
 * on every change, and by the options page when it opens) removes such a value and records a
 * notice that the options page shows. A value written by a newer version of the extension
 * (through sync) is never removed here: this version reads the default and leaves the value
 * for the version that understands it.
 */
import * as v from 'valibot';
import { describeIssues, SETTING_NAMES, type SettingName } from './setting-specs';
import { defineSetting, SETTINGS, type Setting } from './settings';

export interface RepairNotice {
  setting: SettingName;
  /** What was wrong, in words. */
  problem: string;
  /** The value that was found, as JSON, cut to 200 characters. */
  found: string;
  /** `removed`: the value was deleted and the default is in use. `kept`: written by a newer
   * version of Rivalry Lens, left alone, the default is in use here. */
  action: 'removed' | 'kept';
  /** When it was found, ms since the epoch. */
  at: number;
}

const RepairNoticeSchema = v.strictObject({
  setting: v.picklist(SETTING_NAMES),
  problem: v.string(),
  found: v.string(),
  action: v.picklist(['removed', 'kept'] as const),
  at: v.number(),
});

/** Notices of values that `repairSettings` reset, until the person dismisses them. */
export const repairNotices = defineSetting<RepairNotice[]>({
  key: 'local:repairNotices',
  label: 'settings.repairNotices',
  schema: v.array(RepairNoticeSchema),
  fallback: [],
  version: 1,
  migrations: {},
});

function preview(value: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    json = String(value);
  }
  return json.length > 200 ? `${json.slice(0, 199)}…` : json;
}

/** Checks one setting's stored value; removes it when corrupt. Returns a notice or `null`. */
async function repairOne(name: SettingName, now: number): Promise<RepairNotice | null> {
  const setting: Setting<unknown> = SETTINGS[name];
  const { value, version } = await setting.readRaw();
  if (value == null) return null;
  const result = v.safeParse(setting.schema, value);
  if (result.success) return null;
  const problem = describeIssues(result.issues);
  if (version > setting.version)
    return { setting: name, problem, found: preview(value), action: 'kept', at: now };
  await setting.removeValue();
  return { setting: name, problem, found: preview(value), action: 'removed', at: now };
}

/**
 * Finds stored values that do not match their schema, removes each (the setting then reads as
 * its default; the others are untouched) and records a notice for the options page.
 * Returns the notices of this run.
 */
export async function repairSettings(
  names: readonly SettingName[] = SETTING_NAMES,
  now = Date.now(),
): Promise<RepairNotice[]> {
  const found = (await Promise.all(names.map((name) => repairOne(name, now)))).filter(
    (notice): notice is RepairNotice => notice !== null,
  );
  if (found.length > 0) {
    const earlier = await repairNotices.getValue();
    const others = earlier.filter((n) => !found.some((f) => f.setting === n.setting));
    await repairNotices.setValue([...others, ...found]);
  }
  return found;
}
