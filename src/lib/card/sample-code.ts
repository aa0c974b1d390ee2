/**
 * Runnable code for one chat-completions request, in the four forms people paste: the OpenAI SDK in
 * TypeScript, plain fetch, curl and the Python `openai` package. The key is read from the
 * OPENROUTER_API_KEY environment variable, never written into the code, so copied code is safe to
 * share. Every string goes through a literal encoder for its language, so prompts with quotes,
 * newlines or `$` run as written.
 *
 * The samples ask for a whole answer (no streaming): that keeps them short and the same in every
 * language, and prints the answer and the token usage.
 */
import type { ChatMessage } from '../trial/stream.ts';

export const DEFAULT_BASE_URL = 'https://openrouter.ai/api/v1';
export const API_KEY_ENV = 'OPENROUTER_API_KEY';

export interface SampleRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number | null;
  maxTokens?: number | null;
  baseUrl?: string;
  /** OpenRouter's optional app attribution headers. */
  referer?: string | null;
  title?: string | null;
  /** The environment variable holding the key; OPENROUTER_API_KEY unless another provider is called. */
  apiKeyEnv?: string;
}

export const SAMPLE_KINDS = [
  { id: 'openai-ts', label: 'OpenAI SDK (TypeScript)', language: 'typescript', file: 'sample.ts' },
  { id: 'fetch', label: 'fetch (JavaScript)', language: 'javascript', file: 'sample.mjs' },
  { id: 'curl', label: 'curl', language: 'shell', file: 'sample.sh' },
  { id: 'python', label: 'Python (openai)', language: 'python', file: 'sample.py' },
] as const;

export type SampleKind = (typeof SAMPLE_KINDS)[number]['id'];

export function sampleCode(kind: SampleKind, request: SampleRequest): string {
  switch (kind) {
    case 'openai-ts':
      return openAiTypeScript(request);
    case 'fetch':
      return fetchJavaScript(request);
    case 'curl':
      return curl(request);
    case 'python':
      return python(request);
  }
}

/** The JSON body every sample sends, in a stable field order. */
export function requestBody(request: SampleRequest): Record<string, unknown> {
  const body: Record<string, unknown> = { model: request.model, messages: request.messages };
  if (request.temperature !== undefined && request.temperature !== null) body.temperature = request.temperature;
  if (request.maxTokens !== undefined && request.maxTokens !== null) body.max_tokens = request.maxTokens;
  return body;
}

function attributionHeaders(request: SampleRequest): [string, string][] {
  const headers: [string, string][] = [];
  if (request.referer?.trim()) headers.push(['HTTP-Referer', request.referer.trim()]);
  if (request.title?.trim()) headers.push(['X-Title', request.title.trim()]);
  return headers;
}

function keyEnvOf(request: SampleRequest): string {
  return request.apiKeyEnv ?? API_KEY_ENV;
}

function baseUrlOf(request: SampleRequest): string {
  return (request.baseUrl?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/** A JSON value is a valid JavaScript/TypeScript literal; indentation keeps messages readable. */
function jsLiteral(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

function openAiTypeScript(request: SampleRequest): string {
  const headers = attributionHeaders(request);
  const body = requestBody(request);
  const clientOptions = [`  baseURL: ${JSON.stringify(baseUrlOf(request))},`, `  apiKey: process.env.${keyEnvOf(request)},`];
  if (headers.length > 0) {
    clientOptions.push(`  defaultHeaders: ${jsLiteral(Object.fromEntries(headers), '  ')},`);
  }
  const params = Object.entries(body).map(([key, value]) => `  ${key}: ${jsLiteral(value, '  ')},`);
  return [
    `// npm install openai   then run with ${keyEnvOf(request)} set, e.g. node sample.ts`,
    `import OpenAI from 'openai';`,
    ``,
    `const client = new OpenAI({`,
    ...clientOptions,
    `});`,
    ``,
    `const completion = await client.chat.completions.create({`,
    ...params,
    `});`,
    ``,
    `console.log(completion.choices[0]?.message.content);`,
    `console.log(completion.usage);`,
    ``,
  ].join('\n');
}

function fetchJavaScript(request: SampleRequest): string {
  const headers = attributionHeaders(request);
  const headerLines = [
    `    'Content-Type': 'application/json',`,
    `    Authorization: \`Bearer \${process.env.${keyEnvOf(request)}}\`,`,
    ...headers.map(([name, value]) => `    ${JSON.stringify(name)}: ${JSON.stringify(value)},`),
  ];
  return [
    `// Node 18+ (or Deno, Bun); run with ${keyEnvOf(request)} set, e.g. node sample.mjs`,
    `const response = await fetch(${JSON.stringify(`${baseUrlOf(request)}/chat/completions`)}, {`,
    `  method: 'POST',`,
    `  headers: {`,
    ...headerLines,
    `  },`,
    `  body: JSON.stringify(${jsLiteral(requestBody(request), '  ')}),`,
    `});`,
    `const result = await response.json();`,
    `if (!response.ok) throw new Error(\`HTTP \${response.status}: \${result.error?.message ?? JSON.stringify(result)}\`);`,
    ``,
    `console.log(result.choices[0].message.content);`,
    `console.log(result.usage);`,
    ``,
  ].join('\n');
}

/** POSIX single quotes: nothing inside is expanded; a quote itself is closed, escaped and reopened. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function curl(request: SampleRequest): string {
  const lines = [
    `curl -sS --fail-with-body ${shellQuote(`${baseUrlOf(request)}/chat/completions`)}`,
    `  -H 'Content-Type: application/json'`,
    `  -H "Authorization: Bearer $${keyEnvOf(request)}"`,
    ...attributionHeaders(request).map(([name, value]) => `  -H ${shellQuote(`${name}: ${value}`)}`),
    `  -d ${shellQuote(JSON.stringify(requestBody(request), null, 2))}`,
  ];
  return `# run with ${keyEnvOf(request)} set\n${lines.join(' \\\n')}\n`;
}

/**
 * A Python literal for a JSON value. JSON string escapes (\" \\ \n \uXXXX…) are all valid in Python
 * strings; only true/false/null differ.
 */
function pythonLiteral(value: unknown, indent: string): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string' || typeof value === 'number') return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${pythonLiteral(item, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${pythonLiteral(item, inner)},`).join('\n')}\n${indent}}`;
}

function python(request: SampleRequest): string {
  const headers = attributionHeaders(request);
  const clientArgs = [`    base_url=${JSON.stringify(baseUrlOf(request))},`, `    api_key=os.environ[${JSON.stringify(keyEnvOf(request))}],`];
  if (headers.length > 0) clientArgs.push(`    default_headers=${pythonLiteral(Object.fromEntries(headers), '    ')},`);
  const params = Object.entries(requestBody(request)).map(([key, value]) => `    ${key}=${pythonLiteral(value, '    ')},`);
  return [
    `# pip install openai   then run with ${keyEnvOf(request)} set, e.g. python3 sample.py`,
    `import os`,
    ``,
    `from openai import OpenAI`,
    ``,
    `client = OpenAI(`,
    ...clientArgs,
    `)`,
    ``,
    `completion = client.chat.completions.create(`,
    ...params,
    `)`,
    ``,
    `print(completion.choices[0].message.content)`,
    `print(completion.usage)`,
    ``,
  ].join('\n');
}
