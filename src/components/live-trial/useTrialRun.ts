/** One streaming call at a time, with its own AbortController, as React state. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { streamChatCompletion, type StreamRequest } from '../../lib/trial/stream.ts';
import { applyEvent, startRun, type TrialRun } from '../../lib/trial/run.ts';

export interface TrialRunControls {
  run: TrialRun | null;
  send(request: Omit<StreamRequest, 'signal'>): Promise<TrialRun>;
  stop(): void;
}

export function useTrialRun(): TrialRunControls {
  const [run, setRun] = useState<TrialRun | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const send = useCallback(async (request: Omit<StreamRequest, 'signal'>) => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    let current = startRun(performance.now());
    setRun(current);
    for await (const event of streamChatCompletion({ ...request, signal: own.signal })) {
      current = applyEvent(current, event, performance.now());
      setRun(current);
    }
    if (controller.current === own) controller.current = null;
    return current;
  }, []);

  const stop = useCallback(() => controller.current?.abort(), []);

  return { run, send, stop };
}
