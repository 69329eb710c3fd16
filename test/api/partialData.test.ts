/**
 * No answer carries part of what the viewer may not read (functions/api/partialData.ts): a FORBIDDEN below the root
 * empties the root field it belongs to, or the whole of `data` when that field cannot be null. Shown on a small
 * schema through a real Apollo server, since the API's own nested fields no longer refuse (they hide).
 */
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { noPartialDataOfRefusals } from '../../functions/api/partialData';

const typeDefs = `
  type Person { name: String! secret: String }
  type Query { person: Person other: String! required: Person! }
`;
const forbidden = () => {
  throw new GraphQLError('閲覧できません。', { extensions: { code: 'FORBIDDEN' } });
};
const person = { name: '小林', secret: forbidden };
const server = new ApolloServer({ typeDefs, resolvers: { Query: { person: () => person, other: () => 'shown', required: () => person }, Person: { secret: forbidden } }, plugins: [noPartialDataOfRefusals] });

async function run(query: string) {
  const res = await server.executeOperation({ query });
  if (res.body.kind !== 'single') throw new Error('single result expected');
  return res.body.singleResult;
}

describe('a refusal below the root', () => {
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('answers the root field null: the name beside the refused field is not shown', async () => {
    const r = await run('{ person { name secret } other }');
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(r.data).toEqual({ person: null, other: 'shown' });
  });

  it('answers no data at all when the root field cannot be null', async () => {
    const r = await run('{ required { name secret } other }');
    expect(r.data ?? null).toBeNull();
  });

  it('by alias too', async () => {
    const r = await run('{ p: person { name secret } }');
    expect(r.data).toEqual({ p: null });
  });

  it('leaves an answer without refusals as it is', async () => {
    expect((await run('{ person { name } other }')).data).toEqual({ person: { name: '小林' }, other: 'shown' });
  });
});
