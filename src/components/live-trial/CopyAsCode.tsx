/** The current request as runnable code, in the language the user picks, with a copy button. */
import { useId, useState } from 'react';
import { API_KEY_ENV, SAMPLE_KINDS, sampleCode, type SampleKind, type SampleRequest } from '../../lib/card/sample-code.ts';

export function CopyAsCode({ request, problem }: { request: SampleRequest | null; problem: string | null }) {
  const id = useId();
  const [kind, setKind] = useState<SampleKind>('openai-ts');
  const [copied, setCopied] = useState<string>('');
  const code = request ? sampleCode(kind, request) : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('The browser did not allow copying: select the code and copy it by hand.');
    }
  };
  return (
    <details className="trial-code">
      <summary>Copy as code</summary>
      {request === null ? (
        <p className="trial-hint">{problem}</p>
      ) : (
        <>
          <div className="trial-code-bar">
            <label htmlFor={`${id}-kind`}>Language</label>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(e) => {
                setKind(e.currentTarget.value as SampleKind);
                setCopied('');
              }}
            >
              {SAMPLE_KINDS.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
            </select>
            <button type="button" className="secondary" onClick={copy}>
              Copy
            </button>
            <span role="status" className="trial-hint">
              {copied}
            </span>
          </div>
          <pre className="trial-code-text" data-kind={kind} tabIndex={0}>
            <code>{code}</code>
          </pre>
          <p className="trial-hint">The key is read from the {request.apiKeyEnv ?? API_KEY_ENV} environment variable; it is never put in the code.</p>
        </>
      )}
    </details>
  );
}
