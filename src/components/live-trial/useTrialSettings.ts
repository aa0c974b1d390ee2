/**
 * The key and settings of the live trial, loaded after hydration (the server-rendered HTML has the
 * defaults) and saved as they change. The key goes to sessionStorage unless "remember" is ticked,
 * and belongs to the base URL's origin: changing the base URL shows that origin's own key.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createApiKeyStore, DEFAULT_SETTINGS, keyStorageName, loadSettings, saveSettings, type TrialSettings } from '../../lib/browser/api-key-store.ts';

export interface TrialSettingsState {
  settings: TrialSettings;
  setSetting(name: keyof TrialSettings, value: string): void;
  apiKey: string;
  setApiKey(key: string): void;
  remember: boolean;
  setRemember(remember: boolean): void;
  forgetKey(): void;
  /** True once stored settings have been read (after hydration). */
  loaded: boolean;
}

export function useTrialSettings(): TrialSettingsState {
  const [settings, setSettings] = useState<TrialSettings>(DEFAULT_SETTINGS);
  const keyName = keyStorageName(settings.baseUrl);
  const store = useMemo(() => (typeof window === 'undefined' ? null : createApiKeyStore(undefined, undefined, keyName)), [keyName]);
  const [apiKey, setKey] = useState('');
  const [remember, setRememberState] = useState(false);
  const loaded = useRef(false);
  const [loadedState, setLoaded] = useState(false);

  useEffect(() => {
    setSettings(loadSettings());
    loaded.current = true;
    setLoaded(true);
  }, []);

  // The stored key of the current origin, on load and whenever the base URL moves to another origin.
  useEffect(() => {
    if (!store) return;
    const stored = store.load();
    setKey(stored.key);
    setRememberState(stored.remembered);
  }, [store]);

  const setSetting = useCallback((name: keyof TrialSettings, value: string) => {
    setSettings((previous) => {
      const next = { ...previous, [name]: value };
      if (loaded.current) saveSettings(next);
      return next;
    });
  }, []);

  const setApiKey = useCallback(
    (key: string) => {
      setKey(key);
      store?.save(key, remember);
    },
    [store, remember],
  );

  const setRemember = useCallback(
    (value: boolean) => {
      setRememberState(value);
      store?.save(apiKey, value);
    },
    [store, apiKey],
  );

  const forgetKey = useCallback(() => {
    store?.forget();
    setKey('');
    setRememberState(false);
  }, [store]);

  return { settings, setSetting, apiKey, setApiKey, remember, setRemember, forgetKey, loaded: loadedState };
}
