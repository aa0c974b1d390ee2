/**
 * Turns the live-trial form (strings as typed) into a request, or into one message saying which
 * field to fix. The same request feeds the stream and "Copy as code", so the copied code is exactly
 * what was (or would be) sent.
 */
import type { TrialSettings } from '../browser/api-key-store.ts';
import { requestBody, type SampleRequest } from '../card/sample-code.ts';
import { chatCompletionsUrl, type ChatMessage, type StreamRequest } from './stream.ts';

export type BuiltRequest =
  | { ok: true; sample: SampleRequest; stream: Omit<StreamRequest, 'signal'> }
  | { ok: false; problem: string };

export function trialMessages(systemPrompt: string, prompt: string): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (systemPrompt.trim()) messages.push({ role: 'system', content: systemPrompt });
  messages.push({ role: 'user', content: prompt });
  return messages;
}

/** Temperature in [0, 2] or empty (server default). */
export function parseTemperature(text: string): number | null | Error {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 2) return new Error(`Temperature must be a number from 0 to 2, got “${text}”.`);
  return value;
}

/** Max tokens: a whole number of at least 1, or empty (server default). */
export function parseMaxTokens(text: string): number | null | Error {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) return new Error(`Max tokens must be a whole number of 1 or more, got “${text}”.`);
  return value;
}

/** The request a model id, prompt and settings make; `requireKey` is false for "Copy as code". */
export function buildTrialRequest(modelId: string, prompt: string, settings: TrialSettings, apiKey: string, requireKey = true): BuiltRequest {
  const temperature = parseTemperature(settings.temperature);
  if (temperature instanceof Error) return { ok: false, problem: temperature.message };
  const maxTokens = parseMaxTokens(settings.maxTokens);
  if (maxTokens instanceof Error) return { ok: false, problem: maxTokens.message };
  try {
    chatCompletionsUrl(settings.baseUrl);
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
  if (!modelId.trim()) return { ok: false, problem: 'Choose a model first.' };
  if (requireKey && !prompt.trim()) return { ok: false, problem: 'Type a prompt first.' };
  if (requireKey && !apiKey.trim()) {
    return { ok: false, problem: 'Enter an API key in the settings first (a local server that does not check keys accepts any text).' };
  }
  const messages = trialMessages(settings.systemPrompt, prompt);
  const baseUrl = settings.baseUrl.trim().replace(/\/+$/, '');
  const sample: SampleRequest = {
    model: modelId.trim(),
    messages,
    temperature,
    maxTokens,
    baseUrl,
    referer: settings.referer.trim() || null,
    title: settings.title.trim() || null,
  };
  return {
    ok: true,
    sample,
    stream: {
      baseUrl,
      apiKey: apiKey.trim(),
      headers: { 'HTTP-Referer': sample.referer ?? undefined, 'X-Title': sample.title ?? undefined },
      body: { ...requestBody(sample), model: sample.model, messages },
    },
  };
}
