/** Reading an operation's selections the way graphql-js executes them, for the limits checked before it runs and the API's metrics. */
import { DocumentNode, FieldNode, FragmentDefinitionNode, GraphQLIncludeDirective, GraphQLSkipDirective, SelectionSetNode, getDirectiveValues } from 'graphql';

/** The fragments a document defines, by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]));
}

/** "" (GraphiQL's operationName for an unnamed query) names no operation. */
export function operationNameOf(name: string | null | undefined): string | undefined {
  return name === null || name === undefined || name === '' ? undefined : name;
}

/**
 * The root fields an operation runs, by response key (fields under the same alias run once), fragments and
 * inline fragments followed, `@skip`/`@include` honoured.
 */
export function rootFieldKeys(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
): Set<string> {
  return rootFields(selectionSet, fragments, variables, (field) => field.alias?.value ?? field.name.value);
}

/** The same root fields by the schema's names (never the client's aliases): a set bounded by the schema. */
export function rootFieldNames(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
): Set<string> {
  return rootFields(selectionSet, fragments, variables, (field) => field.name.value);
}

function rootFields(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
  nameOf: (field: FieldNode) => string,
  seen = new Set<string>(),
  out = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (!included(selection, variables)) continue;
    if (selection.kind === 'Field') out.add(nameOf(selection));
    else if (selection.kind === 'InlineFragment') rootFields(selection.selectionSet, fragments, variables, nameOf, seen, out);
    else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (fragment && !seen.has(name)) {
        seen.add(name);
        rootFields(fragment.selectionSet, fragments, variables, nameOf, seen, out);
      }
    }
  }
  return out;
}

/** Whether `@skip`/`@include` keep a selection; a directive whose variable is missing keeps it (an upper bound). */
export function included(node: Parameters<typeof getDirectiveValues>[1], variables: Record<string, unknown> | undefined): boolean {
  try {
    if (getDirectiveValues(GraphQLSkipDirective, node, variables ?? {})?.if === true) return false;
    if (getDirectiveValues(GraphQLIncludeDirective, node, variables ?? {})?.if === false) return false;
  } catch {
    // A variable that does not fit: execution will refuse it; count the selection.
  }
  return true;
}
