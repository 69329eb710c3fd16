/**
 * The users are Japanese city staff exploring the API in GraphiQL: every type, field, argument and enum value of the
 * schema is described, in Japanese first (then English), so nothing they meet is unexplained or English-only.
 */
import { GraphQLNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { getSchema } from '../../functions/api/schema';

const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

/** Japanese first: the first letter of the description is Japanese (kana, kanji, full-width), not Latin. */
const japaneseFirst = (d: string) => /^[^A-Za-z]*[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/.test(d);

/** Every element of the schema with its description: `Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`. */
function elements(): [string, string | null | undefined][] {
  const out: [string, string | null | undefined][] = [];
  const types: GraphQLNamedType[] = Object.values(getSchema().getTypeMap()).filter((t) => !t.name.startsWith('__') && !BUILT_IN.has(t.name));
  for (const t of types) {
    out.push([t.name, t.description]);
    if (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) {
      for (const f of Object.values(t.getFields())) {
        out.push([`${t.name}.${f.name}`, f.description]);
        for (const a of 'args' in f ? f.args : []) out.push([`${t.name}.${f.name}(${a.name})`, a.description]);
      }
    }
    if (isEnumType(t)) for (const v of t.getValues()) out.push([`${t.name}.${v.name}`, v.description]);
  }
  return out;
}

describe('the schema speaks Japanese first', () => {
  it('has thousands of elements to describe', () => {
    expect(elements().length).toBeGreaterThan(2000);
  });

  it('every type, field, argument and enum value has a description', () => {
    expect(elements().filter(([, d]) => !d?.trim()).map(([name]) => name)).toEqual([]);
  });

  it('every description begins in Japanese', () => {
    expect(elements().filter(([, d]) => d && !japaneseFirst(d)).map(([name, d]) => `${name}: ${d}`)).toEqual([]);
  });
});
