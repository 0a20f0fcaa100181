import { settingsItem } from '../contracts/storage';
import { normalizeSettings, type Settings } from './settings';

export * from './settings';
export * from './sites';

/** The one stored settings item (defined, with its version, in lib/contracts/storage.ts). */
export { settingsItem };

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(normalizeSettings(settings));
}

/** Calls `onChange` with the complete settings whenever they change in any context. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(normalizeSettings(value)));
}
