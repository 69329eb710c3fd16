/**
 * No answer carries part of what the viewer may not read. Nested fields show only what the read rules allow
 * (functions/resolvers/reading.ts): null, or absent from a list. Where a field below the root is refused outright
 * (FORBIDDEN), the whole root field it belongs to is answered null — or the whole of `data`, when that root field
 * cannot be null — so nothing of the object around the refusal (its name, its other fields) is shown beside it.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLSchema, OperationDefinitionNode, isNonNullType } from 'graphql';

/** Whether the root field answered under `key` may be null (false when it cannot be found: then nothing is kept). */
function nullable(schema: GraphQLSchema, operation: OperationDefinitionNode | null | undefined, key: string): boolean {
  if (!operation) return false;
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  for (const s of operation.selectionSet.selections) {
    if (s.kind === 'Field' && (s.alias?.value ?? s.name.value) === key) {
      const field = root?.getFields()[s.name.value];
      return !!field && !isNonNullType(field.type);
    }
  }
  return false;
}

export const noPartialDataOfRefusals: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, schema, operation }) {
        const body = response.body;
        if (body.kind !== 'single') return;
        const result = body.singleResult;
        for (const e of result.errors ?? []) {
          if (!result.data || e.extensions?.code !== 'FORBIDDEN' || (e.path?.length ?? 0) < 2) continue;
          const key = e.path![0];
          if (typeof key === 'string' && nullable(schema, operation, key)) result.data[key] = null;
          else result.data = null;
        }
      },
    };
  },
};
