/**
 * Every answer of the API is the viewer's own (the read rules: functions/domain/reading.ts): no browser or proxy may
 * keep it. `Cache-Control: no-store` on answers with data, with a refusal and with an error graphql-js reports,
 * through the real Lambda handler with API Gateway events.
 */
import { Api, gid, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

describe('Cache-Control: no-store on every GraphQL answer', () => {
  it('a read with data', async () => {
    const res = await api.gql('soumu-director', `{ node(id: "${gid('System', 'demo-juumin')}") { id } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a refusal (a read by no one signed in)', async () => {
    const res = await api.gql(null, '{ viewer { id } }');
    expect(res.body.errors?.length).toBeGreaterThan(0);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a document graphql-js rejects', async () => {
    const res = await api.gql('soumu-director', '{ noSuchField }');
    expect(res.status).toBe(400);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
