/**
 * Clients built against a release keep working: graphql/schema.graphql may not remove a field, add a required
 * argument or make any other change @graphql-inspector/core rates BREAKING, compared with the last release
 * (graphql/releases/<version>.graphql), unless graphql/releases/declared-breaking-changes.json declares it with
 * a reason. `npm run schema:diff` prints the whole diff.
 */
import { readFileSync } from 'node:fs';
import { ChangeType, CriticalityLevel } from '@graphql-inspector/core';
import { Kind, parse, print, visit, FieldDefinitionNode, InputValueDefinitionNode, ObjectTypeDefinitionNode } from 'graphql';
import {
  CURRENT_SCHEMA,
  DECLARATIONS,
  checkCompatibility,
  checkCurrentSchema,
  declarationProblems,
  describeChange,
  latestRelease,
} from '../support/schemaCompatibility';

const current = readFileSync(CURRENT_SCHEMA, 'utf8');

describe(`graphql/schema.graphql against the last release (${latestRelease().version})`, () => {
  it('removes no field and adds no required argument (nothing BREAKING) that is not declared', async () => {
    const report = await checkCurrentSchema();
    // Every undeclared breaking change, by path, so the failure lists them all.
    expect(report.undeclared.map(describeChange)).toEqual([]);
  });

  it('declares only breaking changes the schema makes (a declaration that covers nothing is stale or misspelt)', async () => {
    const report = await checkCurrentSchema();
    expect(report.unused).toEqual([]);
  });

  it('declared-breaking-changes.json is a list of { path: "Type.field", reason, since: <a release> }', () => {
    expect(declarationProblems(JSON.parse(readFileSync(DECLARATIONS, 'utf8')))).toEqual([]);
  });
});

/** The current SDL with one object type's fields rewritten: the synthetic changes below. */
function editFields(sdl: string, type: string, edit: (fields: readonly FieldDefinitionNode[]) => FieldDefinitionNode[]): string {
  let found = false;
  const doc = visit(parse(sdl), {
    ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
      if (node.name.value !== type) return undefined;
      found = true;
      return { ...node, fields: edit(node.fields ?? []) };
    },
  });
  if (!found) throw new Error(`no type ${type} in the schema`);
  return print(doc);
}

function argument(name: string, type: string, required: boolean): InputValueDefinitionNode {
  const named = { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type } } as const;
  return { kind: Kind.INPUT_VALUE_DEFINITION, name: { kind: Kind.NAME, value: name }, type: required ? { kind: Kind.NON_NULL_TYPE, type: named } : named };
}

const addArgument = (field: string, arg: InputValueDefinitionNode) => (fields: readonly FieldDefinitionNode[]) => {
  if (!fields.some((f) => f.name.value === field)) throw new Error(`no field ${field}`);
  return fields.map((f) => (f.name.value === field ? { ...f, arguments: [...(f.arguments ?? []), arg] } : f));
};
const removeField = (field: string) => (fields: readonly FieldDefinitionNode[]) => {
  if (!fields.some((f) => f.name.value === field)) throw new Error(`no field ${field}`);
  return fields.filter((f) => f.name.value !== field);
};

const guard = (changed: string, declarations: { path: string; reason: string; since: string }[] = []) =>
  checkCompatibility(current, changed, declarations, 'current');

describe('the guard', () => {
  it('reports a removed field (Query.viewer) as an undeclared breaking change', async () => {
    const report = await guard(editFields(current, 'Query', removeField('viewer')));
    expect(report.undeclared).toEqual([
      expect.objectContaining({ type: ChangeType.FieldRemoved, path: 'Query.viewer', criticality: expect.objectContaining({ level: CriticalityLevel.Breaking }) }),
    ]);
  });

  it('reports a new required argument (Query.systems(confirm: Boolean!)) as an undeclared breaking change', async () => {
    const report = await guard(editFields(current, 'Query', addArgument('systems', argument('confirm', 'Boolean', true))));
    expect(report.undeclared).toEqual([
      expect.objectContaining({ type: ChangeType.FieldArgumentAdded, path: 'Query.systems.confirm', criticality: expect.objectContaining({ level: CriticalityLevel.Breaking }) }),
    ]);
  });

  it('lets additions through: a new optional argument and a new field', async () => {
    const withOptional = editFields(current, 'Query', addArgument('systems', argument('confirm', 'Boolean', false)));
    const withField = editFields(withOptional, 'Query', (fields) => [
      ...fields,
      { kind: Kind.FIELD_DEFINITION, name: { kind: Kind.NAME, value: 'apiVersion' }, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } } },
    ]);
    const report = await guard(withField);
    expect(report.changes.map((c) => c.path).sort()).toEqual(['Query.apiVersion', 'Query.systems.confirm']);
    expect(report.breaking).toEqual([]);
    expect(report.undeclared).toEqual([]);
  });

  it('lets a declared breaking change through, and only that one', async () => {
    const changed = editFields(editFields(current, 'Query', removeField('viewer')), 'Query', addArgument('systems', argument('confirm', 'Boolean', true)));
    const declared = { path: 'Query.viewer', reason: 'replaced by node(id:) of the signed-in person', since: 'current' };
    const report = await guard(changed, [declared]);
    expect(report.breaking.map((c) => c.path).sort()).toEqual(['Query.systems.confirm', 'Query.viewer']);
    expect(report.undeclared.map((c) => c.path)).toEqual(['Query.systems.confirm']);
    expect(report.unused).toEqual([]);
    // Declaring the field covers its arguments; a declaration for another release does not apply.
    expect((await guard(changed, [declared, { ...declared, path: 'Query.systems' }])).undeclared).toEqual([]);
    expect((await guard(changed, [{ ...declared, since: '0.0.9' }])).undeclared).toHaveLength(2);
  });

  it('flags a declaration that covers no breaking change, and a malformed one', async () => {
    const report = await guard(current, [{ path: 'Query.viewer', reason: 'not removed after all', since: 'current' }]);
    expect(report.unused.map((d) => d.path)).toEqual(['Query.viewer']);
    expect(declarationProblems([{ path: 'viewer', reason: '', since: '9.9.9' }], ['0.1.0'])).toHaveLength(3);
    expect(declarationProblems({}, ['0.1.0'])).toHaveLength(1);
  });
});
