/**
 * The city's registers, imported from its files: the organisation (第3条–第5条) — departments (主管課), people (職員) and
 * the roles they hold with their dates — and what it decided under the former rules, counted as decided under this
 * regulation (附則第3項): the ledger of its systems, their data and the approvals of its use (ledger.ts). Each row is
 * checked as the API checks a mutation — the same input class (class-validator), the same domain rule, said in
 * Japanese — and written, when it is,
 * by the same transition with its audit event. A row already on record as it is is skipped, so the same file twice
 * adds nothing.
 */
import { eventOf } from '../domain/audit';
import { Changed, Transition } from '../domain/change';
import { Actor, Department, PersonWithRoles, ROLES, ROLE_LABELS, Role, RoleAssignment, peopleRegister } from '../domain/people';
import { Refusal } from '../domain/refusal';
import { changesOf } from '../store/kinds';
import { getDepartment, getPersonRecord, roleHolders } from '../store/people';
import { Store } from '../store/store';
import { newId } from '../resolvers/support';
import { toGlobalId } from '../../graphql/globalId';
import { AssignRoleInput, CreateDepartmentInput, CreatePersonInput } from '../../graphql/people';
import { Cells, Columns, InputProblem, Planned, RegisterOf, checkInput } from './cells';
import { LEDGER } from './ledger';
import { Row, Sheet } from './read';

/** The registers, in the order a city brings them in: each reads what the ones before it wrote. */
export const REGISTERS = ['departments', 'people', 'roles', 'systems', 'datasets', 'dataUse'] as const;
export type Register = (typeof REGISTERS)[number];

export interface Problem {
  line: number;
  column?: string;
  message: string;
}

export interface ImportReport {
  register: Register;
  rows: number;
  problems: Problem[];
  /** Rows that would be (or were) written. */
  toWrite: number;
  /** Rows already on record as they are. */
  already: number;
  written: number;
}

/** What the audit events of an import say beside their action. */
export const IMPORT_NOTE = '登録簿の取込み(npm run import)';

/** A role by its Japanese name (情報管理責任者) or its API name (INFORMATION_MANAGER). */
function roleOf(text: string): Role | undefined {
  return (ROLES as readonly string[]).includes(text) ? (text as Role) : (Object.entries(ROLE_LABELS).find(([, label]) => label === text)?.[0] as Role | undefined);
}

/** The organisation (第3条–第5条): departments, people and the roles they hold, with their dates. */
const ORGANISATION = {
  departments: {
    columns: { 課コード: { field: 'code', required: true }, 課名: { field: 'name', required: true }, 部: { field: 'division', required: false } },
    key: ['課コード'],
    async plan(store: Store, actor: Actor, c: Cells, now: string): Promise<Planned> {
      checkInput(Object.assign(new CreateDepartmentInput(), { code: c.code, name: c.name, division: c.division }));
      const existing = await getDepartment(store, c.code!);
      if (existing && existing.name === c.name && (existing.division ?? undefined) === c.division) return { already: true };
      return { transition: peopleRegister.createDepartment(actor, existing, { code: c.code!, name: c.name!, division: c.division }, now) };
    },
  },
  people: {
    columns: {
      職員ID: { field: 'personId', required: true },
      氏名: { field: 'name', required: true },
      職名: { field: 'title', required: false },
      課コード: { field: 'departmentId', required: true },
      メールアドレス: { field: 'email', required: false },
    },
    key: ['職員ID'],
    async plan(store: Store, actor: Actor, c: Cells, now: string): Promise<Planned> {
      checkInput(Object.assign(new CreatePersonInput(), { personId: c.personId, name: c.name, title: c.title, email: c.email, departmentId: c.departmentId }));
      const [existing, department] = await Promise.all([getPersonRecord(store, c.personId!), getDepartment(store, c.departmentId!)]);
      if (existing && existing.name === c.name && existing.departmentId === c.departmentId && (existing.title ?? undefined) === c.title && (existing.email ?? undefined) === c.email) return { already: true };
      if (!department) throw new Refusal('NOT_FOUND', [`課コード ${c.departmentId} の主管課は登録されていません(先に departments を取り込んでください)。`, `No department has the code ${c.departmentId}.`], undefined, ['departmentId']);
      return { transition: peopleRegister.createPerson(actor, existing, department, { personId: c.personId!, name: c.name!, title: c.title, email: c.email }, now) };
    },
  },
  roles: {
    columns: {
      職員ID: { field: 'personId', required: true },
      役割: { field: 'role', required: true },
      課コード: { field: 'departmentId', required: false },
      開始日: { field: 'validFrom', required: true },
      終了日: { field: 'validUntil', required: false },
    },
    key: ['職員ID', '役割', '課コード', '開始日'],
    async plan(store: Store, actor: Actor, c: Cells, now: string): Promise<Planned> {
      const role = roleOf(c.role ?? '');
      if (!role) throw new Refusal('INVALID_VALUE', [`役割「${c.role}」は規程の役割ではありません(${Object.values(ROLE_LABELS).join('・')})。`, `"${c.role}" is not a role of the regulation.`], undefined, ['role']);
      checkInput(Object.assign(new AssignRoleInput(), { personId: toGlobalId('Person', c.personId!), role, departmentId: c.departmentId, validFrom: c.validFrom, validUntil: c.validUntil }));
      const person = await getPersonRecord(store, c.personId!);
      if (!person) throw new Refusal('NOT_FOUND', [`職員ID ${c.personId} の職員は登録されていません(先に people を取り込んでください)。`, `No person has the id ${c.personId}.`], undefined, ['personId']);
      const departmentId = c.departmentId;
      const same = (a: RoleAssignment) => a.role === role && a.departmentId === departmentId && a.validFrom === c.validFrom && a.validUntil === c.validUntil && !a.actingFor;
      if (person.roleAssignments.some(same)) return { already: true };
      const department: Department | undefined = departmentId ? await getDepartment(store, departmentId) : undefined;
      if (departmentId && !department) throw new Refusal('NOT_FOUND', [`課コード ${departmentId} の主管課は登録されていません。`, `No department has the code ${departmentId}.`], undefined, ['departmentId']);
      const holders = await roleHolders(store, role, department?.id);
      return { transition: peopleRegister.assignRole(actor, person as PersonWithRoles, department, { role, validFrom: c.validFrom!, validUntil: c.validUntil }, holders, newId(now), now) };
    },
  },
} satisfies Record<string, RegisterOf>;

const REGISTER: Record<Register, RegisterOf> = { ...ORGANISATION, ...LEDGER };

/** The columns of each register, by their Japanese headings; the field of the input each fills. */
export const COLUMNS = Object.fromEntries(REGISTERS.map((r) => [r, REGISTER[r].columns])) as Record<Register, Columns>;

/** One row's plan, or the problem that refuses it, with the column it is in. */
async function plan(store: Store, register: Register, actor: Actor, row: Row, now: string): Promise<Planned> {
  const c: Cells = Object.fromEntries(Object.entries(COLUMNS[register]).map(([heading, { field }]) => [field, row.cells[heading] || undefined]));
  for (const [heading, { field, required }] of Object.entries(COLUMNS[register])) {
    if (required && !c[field]) throw new Refusal('INVALID_VALUE', [`「${heading}」を入力してください。`, `${heading} is required.`], undefined, [field]);
  }
  return REGISTER[register].plan(store, actor, c, now);
}

/** The heading of the column a refusal's field came from. */
function columnOf(register: Register, field: string[] | undefined): string | undefined {
  // The longest path a column fills: `period.until` for ['period', 'until'], `documents` for ['documents', '0', 'title'].
  for (let n = field?.length ?? 0; n > 0; n--) {
    const hit = Object.entries(COLUMNS[register]).find(([, col]) => col.field === field!.slice(0, n).join('.'));
    if (hit) return hit[0];
  }
  return undefined;
}

/**
 * Checks every row (a dry run writes nothing) and, with `apply` and no problem in any row, writes each row not yet on
 * record in its own transaction with its audit events. One problem anywhere and nothing is written.
 */
export async function importSheet(
  store: Store,
  register: Register,
  sheet: Sheet,
  options: { actor: Actor; apply: boolean; now: string; progress?: (done: number, total: number, problems: number) => void },
): Promise<ImportReport> {
  const report: ImportReport = { register, rows: sheet.rows.length, problems: [], toWrite: 0, already: 0, written: 0 };
  for (const [heading, col] of Object.entries(COLUMNS[register])) {
    if (col.required && !sheet.columns.includes(heading)) report.problems.push({ line: 1, column: heading, message: `列「${heading}」がありません。1行目に列名を書いてください。` });
  }
  if (report.problems.length) return report;
  const seen = new Map<string, number>();
  const keyOf = (row: Row) => REGISTER[register].key.map((h) => row.cells[h]).join('|');
  const planned: { row: Row; transition: Transition }[] = [];
  for (const [i, row] of sheet.rows.entries()) {
    const first = seen.get(keyOf(row));
    if (first !== undefined) {
      report.problems.push({ line: row.line, message: `${first}行目と同じものです(重複)。` });
      continue;
    }
    seen.set(keyOf(row), row.line);
    try {
      const p = await plan(store, register, options.actor, row, options.now);
      if ('already' in p) report.already++;
      else planned.push({ row, transition: p.transition });
    } catch (e) {
      if (!(e instanceof Refusal) && !(e instanceof InputProblem)) throw e;
      report.problems.push({ line: row.line, column: columnOf(register, e.field), message: e instanceof Refusal ? e.ja : e.message });
    }
    options.progress?.(i + 1, sheet.rows.length, report.problems.length);
  }
  report.toWrite = planned.length;
  if (!options.apply || report.problems.length) return report;
  for (const { row } of planned) {
    // Planned again from fresh reads: an earlier row of the file (a holder's successor) may be what this one reads.
    const p = await plan(store, register, options.actor, row, options.now);
    if ('already' in p) continue;
    const noted: Changed[] = p.transition.changes.map((c) => ({ ...c, note: c.note ?? IMPORT_NOTE }));
    const t = { ...p.transition, changes: noted };
    await store.commit(changesOf(t), noted.map((c) => eventOf(c, options.actor.person.id, options.now, newId(options.now))));
    report.written++;
  }
  return report;
}
