/** 外部委託 (第22条): contracts for a system's development or maintenance, concluded only with the PI clause. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { OutsourcingContract as ContractRecord, outsourcingContract } from '../domain/outsourcing';
import { getSystem } from '../store/systems';
import { ConcludeOutsourcingContractInput, OutsourcingContract, OutsourcingContractPayload, RecordOutsourcingContractInput } from '../../graphql/outsourcing';
import { System } from '../../graphql/systems';
import { Context } from './context';
import { computed } from './fields';
import { globalId, INPUT } from './support';
import { given } from './systems';
import { change, create, load } from './write';

const payload = (contract: ContractRecord) => ({ contract });

@Resolver(() => OutsourcingContract)
export class OutsourcingResolver {
  @Mutation(() => OutsourcingContractPayload, { description: '外部委託契約の記録(第22条)。 / Record an outsourcing contract.' })
  recordOutsourcingContract(@Arg('input', { description: INPUT }) input: RecordOutsourcingContractInput, @Ctx() ctx: Context) {
    const { period, personalInformationClause: clause } = input;
    const contract = { ...given(input), period: { from: period.from, until: period.until }, personalInformationClause: clause ? given(clause) : undefined };
    return create(ctx, async (now, id) => outsourcingContract.record(ctx.viewer, await load(ctx, 'System', input.systemId, 'systemId'), contract, id, now), payload);
  }

  @Mutation(() => OutsourcingContractPayload, { description: '契約の締結の記録。個人情報の保護に関する事項がなければ拒否(第22条)。 / Record the contract as concluded; refused without its PI clause.' })
  concludeOutsourcingContract(@Arg('input', { description: INPUT }) input: ConcludeOutsourcingContractInput, @Ctx() ctx: Context) {
    const target = { kind: 'OutsourcingContract' as const, id: input.contractId, field: 'contractId', expectedVersion: input.expectedVersion };
    return change(ctx, target, async (c, now) =>
      outsourcingContract.conclude(ctx.viewer, await load(ctx, 'System', globalId('System', c.systemId), 'contractId'), c, input.concludedOn, now), payload);
  }
}

const ContractFields = computed<ContractRecord>(OutsourcingContract, {
  system: [() => System, (c, ctx) => getSystem(ctx.store, c.systemId), { description: '委託する行政システム。 / The system outsourced.' }],
});

export const outsourcingResolvers: Function[] = [OutsourcingResolver, ContractFields];
