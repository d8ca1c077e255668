/** A Preact hook over a stored setting: its value (undefined until read), kept live. */
import { useEffect, useState } from 'preact/hooks';
import type { Setting } from '../extension/settings';

export function useSetting<T>(setting: Setting<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const unwatch = setting.watch((next) => setValue(() => next));
    void setting.getValue().then((first) => {
      if (alive) setValue((current) => (current === undefined ? first : current));
    });
    return () => {
      alive = false;
      unwatch();
    };
  }, [setting]);
  return value;
}
