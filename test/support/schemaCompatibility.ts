/**
 * The breaking-change guard: graphql/schema.graphql compared with the last release in graphql/releases/ by
 * @graphql-inspector/core. A change clients can break on (a field removed, a required argument added, a type
 * narrowed, …) is BREAKING, and passes only when graphql/releases/declared-breaking-changes.json declares it.
 * Used by test/api/schemaCompatibility.test.ts and by the `schema:diff` CLI (test/support/schemaDiff.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { diff, Change, CriticalityLevel } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** One entry of graphql/releases/declared-breaking-changes.json. */
export interface DeclaredBreakingChange {
  /** `Type.field`, or `Type.field.argument`; declaring `Type.field` also covers its arguments. */
  path: string;
  reason: string;
  /** The release whose schema the change breaks (the baseline it was compared with). */
  since: string;
}

export interface CompatibilityReport {
  baseline: string;
  changes: Change[];
  breaking: Change[];
  /** Breaking changes no declaration covers: these fail the build. */
  undeclared: Change[];
  /** Declarations for this baseline that cover no breaking change (stale or misspelt). */
  unused: DeclaredBreakingChange[];
}

/** The repository root, from test/support (ts-jest) or dist/test/support (compiled). */
export const ROOT = (() => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'graphql', 'schema.graphql')) && existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`graphql/schema.graphql not found above ${__dirname}`);
  }
})();
export const RELEASES_DIR = join(ROOT, 'graphql', 'releases');
export const CURRENT_SCHEMA = join(ROOT, 'graphql', 'schema.graphql');
export const DECLARATIONS = join(RELEASES_DIR, 'declared-breaking-changes.json');

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/** Released versions, oldest first, from graphql/releases/<version>.graphql. */
export function releases(): string[] {
  return readdirSync(RELEASES_DIR)
    .filter((f) => f.endsWith('.graphql') && SEMVER.test(f.slice(0, -'.graphql'.length)))
    .map((f) => f.slice(0, -'.graphql'.length))
    .sort((a, b) => {
      const [x, y] = [a, b].map((v) => (SEMVER.exec(v) as RegExpExecArray).slice(1).map(Number));
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
}

/** The last release: what clients in the field were built against. */
export function latestRelease(): { version: string; sdl: string } {
  const version = releases().at(-1);
  if (!version) throw new Error(`no release in ${RELEASES_DIR}`);
  return { version, sdl: readFileSync(join(RELEASES_DIR, `${version}.graphql`), 'utf8') };
}

export function readDeclarations(file = DECLARATIONS): DeclaredBreakingChange[] {
  return JSON.parse(readFileSync(file, 'utf8')) as DeclaredBreakingChange[];
}

/** What is wrong with the declarations file, if anything (shape, paths, releases). */
export function declarationProblems(declarations: unknown, known: string[] = releases()): string[] {
  if (!Array.isArray(declarations)) return ['the file must hold a JSON array'];
  return declarations.flatMap((d: Partial<DeclaredBreakingChange>, i) => {
    const problems: string[] = [];
    if (typeof d?.path !== 'string' || !/^[_A-Za-z]\w*(\.[_A-Za-z]\w*){1,2}$/.test(d.path)) problems.push('path must be Type.field (or Type.field.argument)');
    if (typeof d?.reason !== 'string' || !d.reason.trim()) problems.push('reason must say why clients may break');
    if (typeof d?.since !== 'string' || !known.includes(d.since)) problems.push(`since must be a release in graphql/releases (${known.join(', ')})`);
    return problems.map((p) => `[${i}] ${JSON.stringify(d)}: ${p}`);
  });
}

/** `Query.systems` covers `Query.systems` and its arguments (`Query.systems.first`), not `Query.systemsCount`. */
export function covers(declared: string, path: string | undefined): boolean {
  return path !== undefined && (path === declared || path.startsWith(`${declared}.`));
}

export async function checkCompatibility(
  baselineSdl: string,
  currentSdl: string,
  declarations: DeclaredBreakingChange[],
  baseline: string,
): Promise<CompatibilityReport> {
  const changes = await diff(buildSchema(baselineSdl), buildSchema(currentSdl));
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const applicable = declarations.filter((d) => d.since === baseline);
  return {
    baseline,
    changes,
    breaking,
    undeclared: breaking.filter((c) => !applicable.some((d) => covers(d.path, c.path))),
    unused: applicable.filter((d) => !breaking.some((c) => covers(d.path, c.path))),
  };
}

/** The checked-in schema against the last release, with the checked-in declarations. */
export async function checkCurrentSchema(): Promise<CompatibilityReport> {
  const { version, sdl } = latestRelease();
  return checkCompatibility(sdl, readFileSync(CURRENT_SCHEMA, 'utf8'), readDeclarations(), version);
}

export function describeChange(c: Change): string {
  return `${c.path ?? '(schema)'}: ${c.message} [${c.type}]`;
}
