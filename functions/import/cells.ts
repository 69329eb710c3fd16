/**
 * A row of a register read as the API's input: the ledger's words for the API's values, lists in one cell, ids; the
 * input classes of the API (class-validator) said in Japanese; and what makes a row one already on record.
 */
import { validateSync } from 'class-validator';
import { Transition } from '../domain/change';
import { Actor } from '../domain/people';
import { Name, Refusal } from '../domain/refusal';
import { describeValidation } from '../api/validation';
import { getDepartment } from '../store/people';
import { Store } from '../store/store';

/** A register's columns, by their Japanese headings: the field of the input each fills (`period.from` for a nested one). */
export type Columns = Record<string, { field: string; required: boolean }>;

/** A row's cells by the field they fill (absent when empty). */
export type Cells = Record<string, string | undefined>;

/** What a row comes to: the transition that writes it, or nothing to write (on record as it is). */
export type Planned = { transition: Transition } | { already: true };

/** One register: its columns, the columns that name one row (a duplicate in the file), and the plan of a row. */
export interface RegisterOf {
  columns: Columns;
  key: string[];
  plan(store: Store, actor: Actor, c: Cells, now: string): Promise<Planned>;
}

/** Input the API's input class refuses (class-validator), already said in Japanese. */
export class InputProblem extends Error {
  constructor(
    message: string,
    readonly field: string[],
  ) {
    super(message);
  }
}

/** The row as the API's input class checks it: the first constraint it breaks, in Japanese, by field. */
export function checkInput<T extends object>(input: T): void {
  const [first] = describeValidation(validateSync(input, { forbidUnknownValues: false }), 'ja');
  if (first) throw new InputProblem(first.message, first.field);
}

/** A cell's word as the API's value, or a problem naming the words it takes. */
export function wordOf<T>(words: Record<string, T>, text: string | undefined, heading: string, field: string): T {
  const value = words[text ?? ''];
  if (value === undefined) throw new Refusal('INVALID_VALUE', [`「${heading}」は ${Object.keys(words).join('・')} のいずれかです(「${text}」)。`, `${heading} takes one of ${Object.keys(words).join(', ')}.`], undefined, [field]);
  return value;
}

/** The ledger's word for an API value (the first, where two words say the same). */
export function wordFor<T>(words: Record<string, T>, value: T): string {
  return Object.entries(words).find(([, v]) => v === value)?.[0] ?? String(value);
}

/** The entries of a list in one cell: separated by 、 , ， or a line break (and `more` separators a column allows). */
export function listOf(text: string | undefined, more = ''): string[] {
  return (text ?? '')
    .split(new RegExp(`[、,，\\n${more}]+`))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** An id the register gives its objects (システムID, データID, 承認ID): it becomes the object's key. */
export function idOf(text: string | undefined, heading: string, field: string): string {
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(text ?? '')) {
    throw new Refusal('INVALID_VALUE', [`${heading} は英小文字で始まる英小文字・数字・ハイフンの2〜40文字にしてください。`, `The ${field} takes 2–40 lower-case letters, digits or hyphens.`], undefined, [field]);
  }
  return text!;
}

/** Each department a row names must be registered, as the API loads each id it is given (NOT_FOUND by field). */
export async function assertDepartments(store: Store, named: [code: string | undefined, field: string][]): Promise<void> {
  const given = named.filter((n): n is [string, string] => !!n[0]);
  const found = await Promise.all(given.map(([code]) => getDepartment(store, code)));
  const missing = given.find((_, i) => !found[i]);
  if (missing) throw new Refusal('NOT_FOUND', [`課コード ${missing[0]} の主管課は登録されていません。`, `No department has the code ${missing[0]}.`], undefined, [missing[1]]);
}

/**
 * A row whose id is on record: nothing to write when every column says what the record says (the same file twice
 * adds nothing); otherwise a problem naming each column that differs, with both values. `recorded` and `given` are the
 * record on file and the record the row would make, each said as the register's cells.
 */
export function sameAsRecorded(what: Name, id: string, columns: Columns, recorded: Cells, given: Cells): Planned {
  const differ = Object.entries(columns).filter(([, { field }]) => (recorded[field] ?? '') !== (given[field] ?? ''));
  if (!differ.length) return { already: true };
  const said = differ.map(([heading, { field }]) => `「${heading}」登録済み「${recorded[field] ?? ''}」、ファイル「${given[field] ?? ''}」`).join('/');
  throw new Refusal(
    'DUPLICATE',
    [`${what[0]} ${id} は登録済みで、内容が異なります: ${said}。`, `The ${what[1]} ${id} is on record with other content in ${differ.length} column(s).`],
    undefined,
    [differ[0][1].field],
  );
}
