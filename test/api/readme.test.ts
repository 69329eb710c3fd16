/**
 * The README stays true: every GraphQL example in it is valid against the schema the API serves, without a server.
 * test/e2e/readmeWalk.test.ts runs them, in order and as the person each names, against `npm start`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { getSchema } from '../../functions/api/schema';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('README.md', () => {
  it('has GraphQL examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((e, i) => [i + 1, e]))('example %i is valid against the schema', (_n, example) => {
    const errors = validate(getSchema(), parse(example as string)).map((e) => e.message);
    expect(errors).toEqual([]);
  });
});
