/** Copying text to the clipboard, with the sentence to show for the outcome. */
import { useCallback, useState } from 'react';

export interface Clipboard {
  /** "Copied to the clipboard.", why copying failed, or "" before any attempt. */
  status: string;
  copy(text: string): Promise<void>;
  reset(): void;
}

export function useClipboard(): Clipboard {
  const [status, setStatus] = useState('');
  const copy = useCallback(async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied to the clipboard.');
    } catch {
      setStatus('The browser did not allow copying: select the text and copy it by hand.');
    }
  }, []);
  return { status, copy, reset: useCallback(() => setStatus(''), []) };
}
