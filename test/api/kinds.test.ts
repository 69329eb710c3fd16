/**
 * Every kind of object is declared once (functions/domain/kinds.ts); what each layer needs of a kind is derived from
 * that declaration. What the declaration itself must hold: a partition of its own, and a GraphQL type that is a
 * node with an audit trail.
 */
import { KINDS, KIND_NAMES } from '../../functions/domain/kinds';
import { getSchema } from '../../functions/api/schema';

describe('the kinds of object', () => {
  it('each kind has its own partition prefix in the store', () => {
    const prefixes = KIND_NAMES.map((k) => KINDS[k].prefix);
    expect(prefixes.every((p) => /^[A-Z]+#$/.test(p))).toBe(true);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('each kind is an object type of the schema that implements Node and Audited (one auditTrail for all)', () => {
    const schema = getSchema();
    for (const t of KIND_NAMES) {
      const type = schema.getType(t);
      const interfaces = type && 'getInterfaces' in type ? type.getInterfaces().map((i) => i.name) : [];
      expect({ t, interfaces: ['Node', 'Audited'].filter((i) => interfaces.includes(i)) }).toEqual({ t, interfaces: ['Node', 'Audited'] });
    }
  });
});
