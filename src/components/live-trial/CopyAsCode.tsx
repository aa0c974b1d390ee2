/** The current request as runnable code, in the language the user picks, with a copy button. */
import { useId, useState } from 'react';
import { useClipboard } from './useClipboard.ts';
import { API_KEY_ENV, SAMPLE_KINDS, sampleCode, type SampleKind, type SampleRequest } from '../../lib/card/sample-code.ts';

export function CopyAsCode({ request, problem }: { request: SampleRequest | null; problem: string | null }) {
  const id = useId();
  const [kind, setKind] = useState<SampleKind>('openai-ts');
  const clipboard = useClipboard();
  const code = request ? sampleCode(kind, request) : '';
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
                clipboard.reset();
              }}
            >
              {SAMPLE_KINDS.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
            </select>
            <button type="button" className="secondary" onClick={() => void clipboard.copy(code)}>
              Copy
            </button>
            <span role="status" className="trial-hint">
              {clipboard.status}
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
