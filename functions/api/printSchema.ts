/** Prints the schema as SDL: `npm run schema` writes graphql/schema.graphql; a test fails when it is stale. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from './schema';

export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(getSchema()))}\n`;
}

if (require.main === module) {
  const target = join(__dirname, '..', '..', '..', 'graphql', 'schema.graphql');
  writeFileSync(target, printedSchema());
  console.log(`wrote ${target}`);
}
