/** Other ids of a model keep answering: one redirect path per alias, never over a model's own page. */
import { describe, expect, it } from 'vitest';
import { aliasPaths } from '../../src/lib/card/alias-paths.ts';
import { testModel } from '../support/model-fixture.ts';

describe('alias paths', () => {
  it('gives each alias its own slug pointing at the model, skipping slugs that are pages or already taken', () => {
    const mixtral = testModel('mistralai/mixtral-8x7b-instruct', { aliases: ['mistralai/Mixtral-8x7B-Instruct-v0.1', 'mistral/open-mixtral-8x7b', 'mistralai/mistral-7b'] });
    const other = testModel('mistralai/mistral-7b', { aliases: ['mistral/open-mixtral-8x7b'] });
    expect(aliasPaths([mixtral, other]).map((p) => [p.slug, p.alias, p.target.id])).toEqual([
      ['mistralai/mixtral-8x7b-instruct-v0.1', 'mistralai/Mixtral-8x7B-Instruct-v0.1', 'mistralai/mixtral-8x7b-instruct'],
      ['mistral/open-mixtral-8x7b', 'mistral/open-mixtral-8x7b', 'mistralai/mixtral-8x7b-instruct'],
    ]);
  });
});
