/**
 * Where the live trial keeps the user's API key: sessionStorage by default, so the key goes away
 * with the tab; localStorage only when the user ticks "remember on this device". Saving to one
 * store always clears the other, so "forget" and un-ticking "remember" leave no copy behind.
 *
 * Settings that are not secret (base URL, headers, sampling) are kept apart, in localStorage.
 *
 * Each API origin has its own key: a key typed for OpenRouter must never be sent to another
 * provider because the user switched the base URL, and switching back finds the first key again.
 */
import { DEFAULT_BASE_URL } from '../card/sample-code.ts';

/** The part of the Web Storage API used here, so tests can pass a Map-backed store. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const API_KEY_STORAGE_NAME = 'model-atlas.trial.api-key';
export const SETTINGS_STORAGE_NAME = 'model-atlas.trial.settings';

export interface StoredKey {
  key: string;
  remembered: boolean;
}

export interface ApiKeyStore {
  load(): StoredKey;
  save(key: string, remember: boolean): void;
  forget(): void;
}

/** Storage can be missing or throw (private mode, blocked cookies); then the key lives in memory only. */
function safe(storage: () => KeyValueStorage | undefined): KeyValueStorage | null {
  try {
    const s = storage();
    if (!s) return null;
    const probe = `${API_KEY_STORAGE_NAME}.probe`;
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

/** The storage name of the key for one base URL: OpenRouter's keeps the original name. */
export function keyStorageName(baseUrl: string): string {
  let origin: string;
  try {
    origin = new URL(baseUrl.trim()).origin;
  } catch {
    origin = 'invalid';
  }
  return origin === new URL(DEFAULT_BASE_URL).origin ? API_KEY_STORAGE_NAME : `${API_KEY_STORAGE_NAME}:${origin}`;
}

export function createApiKeyStore(
  session: () => KeyValueStorage | undefined = () => globalThis.sessionStorage,
  local: () => KeyValueStorage | undefined = () => globalThis.localStorage,
  name: string = API_KEY_STORAGE_NAME,
): ApiKeyStore {
  const sessionStore = safe(session);
  const localStore = safe(local);
  return {
    load() {
      const remembered = localStore?.getItem(name);
      if (remembered) return { key: remembered, remembered: true };
      return { key: sessionStore?.getItem(name) ?? '', remembered: false };
    },
    save(key, remember) {
      const trimmed = key.trim();
      const [keep, drop] = remember ? [localStore, sessionStore] : [sessionStore, localStore];
      drop?.removeItem(name);
      if (trimmed) keep?.setItem(name, trimmed);
      else keep?.removeItem(name);
    },
    forget() {
      sessionStore?.removeItem(name);
      localStore?.removeItem(name);
    },
  };
}

export interface TrialSettings {
  baseUrl: string;
  referer: string;
  title: string;
  systemPrompt: string;
  /** Kept as typed so a half-typed number is not lost; parsed when sending. */
  temperature: string;
  maxTokens: string;
}

export const DEFAULT_SETTINGS: TrialSettings = {
  baseUrl: DEFAULT_BASE_URL,
  referer: '',
  title: '',
  systemPrompt: '',
  temperature: '0.7',
  maxTokens: '512',
};

export function loadSettings(local: () => KeyValueStorage | undefined = () => globalThis.localStorage): TrialSettings {
  try {
    const raw = safe(local)?.getItem(SETTINGS_STORAGE_NAME);
    if (!raw) return { ...DEFAULT_SETTINGS };
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return { ...DEFAULT_SETTINGS };
    const settings = { ...DEFAULT_SETTINGS };
    for (const name of Object.keys(DEFAULT_SETTINGS) as (keyof TrialSettings)[]) {
      const value = (parsed as Record<string, unknown>)[name];
      if (typeof value === 'string') settings[name] = value;
    }
    return settings;
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(settings: TrialSettings, local: () => KeyValueStorage | undefined = () => globalThis.localStorage): void {
  safe(local)?.setItem(SETTINGS_STORAGE_NAME, JSON.stringify(settings));
}
