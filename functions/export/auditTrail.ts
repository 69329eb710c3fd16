/**
 * 監査証跡: of one object (`auditTrail(objectId)`, oldest first; empty when the viewer may not read the object) or of
 * what one person did (`auditTrailByPerson`, newest first; 第4条: the person, the system administrator and the general
 * manager, leaving out events of objects the viewer may not read).
 */
import { askedPeriod } from '../domain/period';
import { AUDITED_TYPES, AuditEvent, AuditedType } from '../domain/audit';
import { KINDS } from '../domain/kinds';
import { assertMayReadActionsOf } from '../domain/reading';
import { notAnIdOf, refuse } from '../domain/refusal';
import { loadNode } from '../resolvers/node';
import { fromGlobalId } from '../../graphql/globalId';
import { Column, RegisterExport } from './columns';
import { personName, withNames } from './names';
import { lists } from './pages';

type Row = { item: AuditEvent; actor?: string; actingFor?: string };

const AUDITED: readonly string[] = AUDITED_TYPES;

const columns: Column<Row>[] = [
  { header: '日時', value: (r) => r.item.at, date: 'TIME', width: 24 },
  { header: '操作', value: (r) => r.item.action, width: 28 },
  { header: '対象の種類', value: (r) => KINDS[r.item.objectType].label, width: 24 },
  { header: '対象ID', value: (r) => r.item.objectId, width: 24 },
  { header: '職員ID', value: (r) => r.item.actorId, width: 18 },
  { header: '操作した者', value: (r) => r.actor, width: 14 },
  { header: '代理された者', value: (r) => r.actingFor, width: 14 },
  { header: '根拠条項', value: (r) => r.item.article, width: 16 },
  { header: '備考', value: (r) => r.item.note, width: 30 },
  { header: '変更された項目', value: (r) => Object.keys(r.item.after).join('、'), width: 40 },
];

export const auditTrail: RegisterExport<Row> = {
  title: '監査証跡',
  kind: 'AuditEvent',
  filters: ['objectId', 'personId', 'from', 'until'],
  columns,
  check: ({ from, until }) => void askedPeriod({ from, until }),
  async *pages(ctx, { objectId, personId, from, until }) {
    const period = askedPeriod({ from, until });
    let events: AsyncIterable<AuditEvent[]>;
    if (objectId && !personId) {
      const id = fromGlobalId(objectId);
      if (!id || !AUDITED.includes(id.type)) notAnIdOf(['監査証跡を持つオブジェクト', 'audited object'], ['objectId']);
      // An object the viewer may not read has no trail for them, as one that does not exist (functions/domain/reading.ts).
      if (!(await loadNode(ctx, objectId))) return;
      events = lists.auditOfObject(ctx.store, id.type as AuditedType, id.key, period);
    } else if (personId && !objectId) {
      assertMayReadActionsOf(ctx.viewer, personId, ctx.clock());
      events = lists.auditByActor(ctx.store, personId, period);
    } else {
      refuse('INVALID_VALUE', ['監査証跡は、対象のオブジェクト (objectId) 又は職員 (personId) のどちらか一方を指定してください。', 'Name either the object (objectId) or the person (personId) of the audit trail.'], undefined, ['objectId']);
    }
    for await (const page of events) {
      yield await withNames(page, async (e) => ({ actor: await personName(ctx.store, e.actorId), actingFor: await personName(ctx.store, e.actingFor) }));
    }
  },
};
