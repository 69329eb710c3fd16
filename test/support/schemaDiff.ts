/**
 * Prints how graphql/schema.graphql differs from the last release (graphql/releases/<version>.graphql), breaking
 * changes first, and exits 1 when a breaking change is not declared in graphql/releases/declared-breaking-changes.json.
 *
 *   npm run -s build && node dist/test/support/schemaDiff.js
 */
import { CriticalityLevel } from '@graphql-inspector/core';
import { checkCurrentSchema, covers, describeChange, readDeclarations } from './schemaCompatibility';

async function main(): Promise<number> {
  const report = await checkCurrentSchema();
  const declarations = readDeclarations().filter((d) => d.since === report.baseline);
  console.log(`graphql/schema.graphql against release ${report.baseline}: ${report.changes.length} change(s).`);
  for (const level of [CriticalityLevel.Breaking, CriticalityLevel.Dangerous, CriticalityLevel.NonBreaking]) {
    const changes = report.changes.filter((c) => c.criticality.level === level);
    if (!changes.length) continue;
    console.log(`\n${level} (${changes.length})`);
    for (const c of changes) {
      const declared = level === CriticalityLevel.Breaking ? declarations.find((d) => covers(d.path, c.path)) : undefined;
      const mark = level !== CriticalityLevel.Breaking ? '' : declared ? `  (declared: ${declared.reason})` : '  (NOT DECLARED)';
      console.log(`  ${describeChange(c)}${mark}`);
    }
  }
  for (const d of report.unused) console.log(`\nDeclared but not a breaking change against ${report.baseline}: ${d.path}`);
  if (report.undeclared.length) {
    console.log(
      `\n${report.undeclared.length} breaking change(s) not declared: keep the old shape (deprecate instead of removing, ` +
        `make new arguments optional), or declare each in graphql/releases/declared-breaking-changes.json.`,
    );
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
