/** 外部委託 (第22条): contracts for a system's development or maintenance, concluded only with the PI clause. */
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { OutsourcingContract as ContractRecord, concludeContract, draftContract } from '../domain/outsourcing';
import { assertVersion } from '../domain/workflow';
import { getSystem } from '../store/systems';
import { dataChange, getContract } from '../store/data';
import { listAuditOfObject } from '../store/audit';
import { connection, PageArgs } from '../../graphql/common';
import { ConcludeOutsourcingContractInput, OutsourcingContract, OutsourcingContractPayload, RecordOutsourcingContractInput } from '../../graphql/outsourcing';
import { System } from '../../graphql/systems';
import { AuditEventConnection } from '../../graphql/audit';
import { Context } from './context';
import { auditEvent, found, keyOf, mutate, newId, outcome, read } from './support';
import { loadSystem } from './systems';

@Resolver(() => OutsourcingContract)
export class OutsourcingResolver {

  @FieldResolver(() => System)
  system(@Root() c: ContractRecord, @Ctx() ctx: Context) {
    return getSystem(ctx.store, c.systemId);
  }


  @Mutation(() => OutsourcingContractPayload, { description: '外部委託契約の記録(第22条)。 / Record an outsourcing contract.' })
  recordOutsourcingContract(@Arg('input') input: RecordOutsourcingContractInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const system = await loadSystem(ctx, input.systemId, 'systemId');
      const c = draftContract(ctx.viewer, system, { ...input, period: { from: input.period.from, until: input.period.until } }, newId(now), now);
      return outcome({ contract: c }, [dataChange.contract(c)], [auditEvent(ctx, now, 'OutsourcingContract', c.id, 'contract.recorded', undefined, c, { article: '第22条' })]);
    });
  }

  @Mutation(() => OutsourcingContractPayload, {
    description: '契約の締結の記録。個人情報の保護に関する事項がなければ拒否(第22条)。 / Record the contract as concluded; refused without its PI clause.',
  })
  concludeOutsourcingContract(@Arg('input') input: ConcludeOutsourcingContractInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = found(await getContract(ctx.store, keyOf(input.contractId, 'OutsourcingContract', 'contractId')), 'contract', 'contractId');
      assertVersion(before.version, input.expectedVersion);
      const system = found(await getSystem(ctx.store, before.systemId), 'system', 'contractId');
      const after: ContractRecord = { ...before, ...concludeContract(ctx.viewer, system, before, input.concludedOn, now), version: before.version + 1, updatedAt: now };
      return outcome({ contract: after }, [dataChange.contract(after, before.version)], [
        auditEvent(ctx, now, 'OutsourcingContract', after.id, 'contract.concluded', before, after, { article: '第22条' }),
      ]);
    });
  }
}
