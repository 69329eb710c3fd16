/**
 * Every refusal says its message in Japanese first, then in English (functions/domain/refusal.ts `Message`): read
 * from the source with the TypeScript compiler, so a refusal whose message is built elsewhere, left in one language,
 * or in English with a Japanese word in it, fails here naming its file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { Refusal } from '../../functions/domain/refusal';

const ROOT = join(__dirname, '..', '..');
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'graphiql' ? [] : tsFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The literal text of a string or template literal (the parts written in the source, not what is interpolated). */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
    // A template nested in an interpolation (`${xs.map((x) => `${x} (…)`)}`) is part of the message too.
    const nested: string[] = [];
    const visit = (n: ts.Node) => {
      const text = n !== node && (ts.isTemplateExpression(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isStringLiteral(n)) ? literalText(n) : undefined;
      if (text !== undefined) nested.push(text);
      ts.forEachChild(n, visit);
    };
    node.templateSpans.forEach((s) => visit(s.expression));
    return [...parts, ...nested].join('');
  }
  return undefined;
}

interface Call {
  where: string;
  problem?: string;
}

function refusalCalls(file: string): Call[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const calls: Call[] = [];
  const visit = (node: ts.Node) => {
    const callee = ts.isCallExpression(node) || ts.isNewExpression(node) ? node.expression : undefined;
    const named = callee && ts.isIdentifier(callee) ? callee.text : undefined;
    if ((ts.isCallExpression(node) && named === 'refuse') || (ts.isNewExpression(node) && named === 'Refusal')) {
      const args = (node as ts.CallExpression | ts.NewExpression).arguments ?? ts.factory.createNodeArray();
      const message = args[1];
      const where = `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      // refuse() itself hands its caller's message on to the Refusal it throws.
      const forwarding = relative(ROOT, file) === join('functions', 'domain', 'refusal.ts') && message && ts.isIdentifier(message) && message.text === 'message';
      if (!forwarding) calls.push({ where, problem: problemOf(message) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

function problemOf(message: ts.Expression | undefined): string | undefined {
  if (!message || !ts.isArrayLiteralExpression(message) || message.elements.length !== 2) {
    return 'the message is not an array literal [Japanese, English]';
  }
  const [ja, en] = message.elements.map(literalText);
  if (ja === undefined || en === undefined) return 'both parts of the message must be string or template literals';
  if (!JAPANESE.test(ja)) return `the first part is not Japanese: ${JSON.stringify(ja)}`;
  if (JAPANESE.test(en)) return `the English part has Japanese in it: ${JSON.stringify(en)}`;
  return undefined;
}

describe('a Refusal', () => {
  it('is its Japanese message (Error.message, what a log shows), with the English beside it', () => {
    const r = new Refusal('FORBIDDEN', ['申請者本人のみが行えます。', 'Only the applicant may edit this application.'], '第7条');
    expect(r).toMatchObject({ message: '申請者本人のみが行えます。', ja: '申請者本人のみが行えます。', en: 'Only the applicant may edit this application.', article: '第7条' });
  });
});

describe('messages: Japanese first, English on request', () => {
  const calls = ['functions', 'graphql'].flatMap((dir) => tsFiles(join(ROOT, dir))).flatMap(refusalCalls);

  it('finds the refusals of the whole API (so this test can fail)', () => {
    expect(calls.length).toBeGreaterThan(300);
  });

  it('every refuse(…) and new Refusal(…) says [Japanese, English], each a literal', () => {
    const wrong = calls.filter((c) => c.problem).map((c) => `${c.where}: ${c.problem}`);
    expect(wrong).toEqual([]);
  });

  it('the check itself: it refuses a message in one language, built elsewhere, or with Japanese in its English', () => {
    const parse = (code: string) => {
      const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.ES2022, true);
      const call = (file.statements[0] as ts.ExpressionStatement).expression as ts.CallExpression;
      return problemOf(call.arguments[1]);
    };
    expect(parse("refuse('FORBIDDEN', ['申請者本人のみが行えます。', 'Only the applicant may edit this application.'])")).toBeUndefined();
    expect(parse('refuse(\'FORBIDDEN\', [`${x} は登録されていません。`, `${x} is not registered.`])')).toBeUndefined();
    expect(parse("refuse('FORBIDDEN', 'Only the applicant may edit this application.')")).toMatch(/not an array literal/);
    expect(parse("refuse('FORBIDDEN', message)")).toMatch(/not an array literal/);
    expect(parse("refuse('FORBIDDEN', ['Only the applicant.', 'Only the applicant.'])")).toMatch(/not Japanese/);
    expect(parse("refuse('FORBIDDEN', ['申請者本人のみ。', 'Only the applicant (申請者).'])")).toMatch(/English part has Japanese/);
    expect(parse("refuse('FORBIDDEN', [ja, 'Only the applicant.'])")).toMatch(/literals/);
  });
});
