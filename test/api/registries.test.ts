/**
 * The lists of kinds kept in each layer agree: every audited kind of the domain is a node type of the API, a value of
 * the GraphQL enum `AuditedType`, has a partition in the store, and is served by `node(id)`; the layers may not import
 * one another's lists (CONVENTIONS.md), so this test holds them together.
 */
import { AUDITED_TYPES } from '../../functions/domain/audit';
import { OBJECT_PREFIX } from '../../functions/store/store';
import { NODE_TYPES } from '../../graphql/globalId';
import { AuditedType } from '../../graphql/audit';
import { getSchema } from '../../functions/api/schema';

describe('the kinds of object, layer by layer', () => {
  it('every audited kind is a node type, and the node types are the audited kinds and the audit event', () => {
    expect([...NODE_TYPES].sort()).toEqual([...AUDITED_TYPES, 'AuditEvent'].sort());
  });

  it('the GraphQL enum AuditedType lists exactly the audited kinds', () => {
    expect(Object.values(AuditedType).sort()).toEqual([...AUDITED_TYPES].sort());
  });

  it('each audited kind has its own partition prefix in the store', () => {
    const prefixes = AUDITED_TYPES.map((t) => OBJECT_PREFIX[t]);
    expect(prefixes.every((p) => /^[A-Z]+#$/.test(p))).toBe(true);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('each node type is an object type of the schema that implements Node', () => {
    const schema = getSchema();
    for (const t of NODE_TYPES) {
      const type = schema.getType(t);
      expect({ t, implementsNode: type && 'getInterfaces' in type ? type.getInterfaces().some((i) => i.name === 'Node') : false }).toEqual({ t, implementsNode: true });
    }
  });
});
