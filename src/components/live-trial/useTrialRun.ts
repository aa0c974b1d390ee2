/**
 * One streaming call at a time, with its own AbortController, as React state. Events are folded
 * into the run as they come, but React sees the run at most once a frame: a server sending hundreds
 * of chunks a second would otherwise keep the tab busy rendering, and Stop would wait behind it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { streamChatCompletion, type StreamRequest } from '../../lib/trial/stream.ts';
import { applyEvent, startRun, type TrialRun } from '../../lib/trial/run.ts';

export interface TrialRunControls {
  run: TrialRun | null;
  send(request: Omit<StreamRequest, 'signal'>): Promise<TrialRun>;
  stop(): void;
}

/** How long the stream loop may keep the main thread before letting input and paint through. */
const SLICE_MS = 8;

/** A macrotask turn: clicks (Stop) and frames run before the loop reads the next buffered chunk. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
    let frame = 0;
    const show = () => {
      frame = 0;
      setRun(current);
    };
    let sliceStart = performance.now();
    for await (const event of streamChatCompletion({ ...request, signal: own.signal })) {
      current = applyEvent(current, event, performance.now());
      if (frame === 0) frame = requestAnimationFrame(show);
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToBrowser();
        sliceStart = performance.now();
      }
    }
    if (frame !== 0) cancelAnimationFrame(frame);
    setRun(current);
    if (controller.current === own) controller.current = null;
    return current;
  }, []);

  const stop = useCallback(() => controller.current?.abort(), []);

  return { run, send, stop };
}
