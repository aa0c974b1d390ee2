/** The one set of words for price dimensions, used by cards, compare, history, the calculator and errors. */
import type { TokenPriceKey, UnitPriceKey } from '../data/schema.ts';

/** Token prices, USD per 1M tokens. */
export const TOKEN_PRICE_LABELS: Readonly<Record<TokenPriceKey, string>> = {
  input: 'Input',
  output: 'Output',
  cacheRead: 'Cache read',
  cacheWrite: 'Cache write (5 min)',
  cacheWrite1h: 'Cache write (1 hour)',
  reasoning: 'Internal reasoning',
  audioInput: 'Audio input',
  audioCacheRead: 'Audio cache read',
  audioOutput: 'Audio output',
  imageOutput: 'Image output',
};

/** Unit prices, USD each. */
export const UNIT_PRICE_LABELS: Readonly<Record<UnitPriceKey, string>> = {
  request: 'Per request',
  image: 'Per input image',
  webSearch: 'Per web search',
};
