/** Reading an operation's selections the way graphql-js executes them, for the limits checked before it runs. */
import { FragmentDefinitionNode, GraphQLIncludeDirective, GraphQLSkipDirective, SelectionSetNode, getDirectiveValues } from 'graphql';

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
  seen = new Set<string>(),
  keys = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (!included(selection, variables)) continue;
    if (selection.kind === 'Field') keys.add(selection.alias?.value ?? selection.name.value);
    else if (selection.kind === 'InlineFragment') rootFieldKeys(selection.selectionSet, fragments, variables, seen, keys);
    else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (fragment && !seen.has(name)) {
        seen.add(name);
        rootFieldKeys(fragment.selectionSet, fragments, variables, seen, keys);
      }
    }
  }
  return keys;
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
