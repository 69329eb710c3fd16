/** 第35条に基づく定め: the register of rules the general manager sets, their versions, and a rule by its citation. */
import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { CitedRule, SupplementaryRule as Rule, citationOf, citedRule, inForceOn, ruleActions, statusOf, supplementaryRuleId, supplementaryRules } from '../domain/supplementaryRules';
import { tokyoDate } from '../domain/people';
import { exists } from '../domain/refusal';
import { getPerson } from '../store/people';
import { getRuleVersions, getSupplementaryRule, lastRuleNumber, listSupplementaryRules } from '../store/supplementaryRules';
import { PageArgs } from '../../graphql/common';
import {
  EstablishSupplementaryRuleInput, ReviseSupplementaryRuleInput, SupplementaryRule, SupplementaryRuleConnection, SupplementaryRulePayload, SupplementaryRuleStatus,
} from '../../graphql/supplementaryRules';
import { Person } from '../../graphql/people';
import { Context } from './context';
import { computed, related } from './fields';
import { INPUT, nameOf, read, connection } from './support';
import { change, create } from './write';

/** Every version of a rule, in order, from the versions kept beside them (one wave of reads). */
async function versionsOf(ctx: Context, number: number): Promise<Rule[]> {
  const history = await getRuleVersions(ctx.store, number);
  const found = await Promise.all((history?.revisions ?? []).map((v) => getSupplementaryRule(ctx.store, supplementaryRuleId(number, v.revision))));
  return found.filter((r): r is Rule => r !== undefined);
}

/** The version a citation names: that version, or without one the version in force today; with its rule's versions. */
async function versionCited(ctx: Context, cited: { number: number; revision?: number }): Promise<CitedRule | undefined> {
  const history = await getRuleVersions(ctx.store, cited.number);
  const revision = cited.revision ?? inForceOn(history?.revisions ?? [], tokyoDate(ctx.clock()))?.revision;
  const rule = history && revision !== undefined ? await getSupplementaryRule(ctx.store, supplementaryRuleId(cited.number, revision)) : undefined;
  return rule && history ? { rule, history } : undefined;
}

/** The rules another record cites in `field` (第35条), each resolved; a citation that names no rule is refused naming its entry. */
export async function citedRules(ctx: Context, citations: readonly string[] | null | undefined, field: string): Promise<CitedRule[] | undefined> {
  if (!citations?.length) return undefined;
  return Promise.all(
    citations.map(async (text, i) => {
      return exists(await versionCited(ctx, citedRule(text, [field, i])), nameOf('SupplementaryRule'), [field, String(i)]);
    }),
  );
}

const payload = (supplementaryRule: Rule) => ({ supplementaryRule });

@Resolver(() => SupplementaryRule)
export class SupplementaryRuleResolver {
  @Query(() => SupplementaryRuleConnection, { description: '第35条に基づく定め(号の順、各号は版の順)。 / Every rule the general manager set, by number and version.' })
  supplementaryRules(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listSupplementaryRules(ctx.store, paging)));
  }

  @Query(() => SupplementaryRule, {
    nullable: true,
    description:
      '引用による定めの取得: 「第35条に基づく定め第3号(第2版)」「第3号(第2版)」「3.2」はその版、「第3号」「3」は今日効力を有する版。該当がなければ null。 / A rule by its citation: with a version, that version; without, the version in force today; null when none.',
  })
  supplementaryRule(@Arg('citation', { description: '引用(例: 第35条に基づく定め第3号(第2版)、第3号)。 / The citation, e.g. 第35条に基づく定め第3号(第2版), or 第3号.' }) citation: string, @Ctx() ctx: Context) {
    return read(ctx, async () => (await versionCited(ctx, citedRule(citation)))?.rule);
  }

  @Mutation(() => SupplementaryRulePayload, { description: '定めの制定(総括管理責任者、第35条)。次の号が付く。 / Set a new rule (the general manager); it takes the next number.' })
  establishSupplementaryRule(@Arg('input', { description: INPUT }) input: EstablishSupplementaryRuleInput, @Ctx() ctx: Context) {
    return create(ctx, async (now) => supplementaryRules.establish(ctx.viewer, await lastRuleNumber(ctx.store), input, now), payload);
  }

  @Mutation(() => SupplementaryRulePayload, { description: '定めの改正: 新しい版を定める(総括管理責任者、第35条)。前の版はそのまま残る。 / Revise a rule: a new version (the general manager); the versions before stay as they were.' })
  reviseSupplementaryRule(@Arg('input', { description: INPUT }) input: ReviseSupplementaryRuleInput, @Ctx() ctx: Context) {
    return change(ctx, { kind: 'SupplementaryRule', id: input.ruleId, field: 'ruleId' }, async (revised, now) => {
      const history = exists(await getRuleVersions(ctx.store, revised.number), nameOf('SupplementaryRule'), ['ruleId']);
      return supplementaryRules.revise(ctx.viewer, revised, history, { title: input.title ?? undefined, body: input.body, effectiveFrom: input.effectiveFrom }, now);
    }, payload);
  }
}

const RuleFields = computed<Rule>(SupplementaryRule, {
  citation: [() => String, (r) => citationOf(r), { description: '引用の形(他の記録が定めを引くときの表記)。 / How the version is cited by other records.' }],
  status: [
    () => SupplementaryRuleStatus,
    async (r, ctx) => statusOf(r, (await getRuleVersions(ctx.store, r.number)) ?? { number: r.number, revisions: [r], version: 0 }, ctx.clock()),
    { description: '今日の効力。 / Where the version stands today.' },
  ],
  versions: [() => [SupplementaryRule], (r, ctx) => versionsOf(ctx, r.number), { description: 'この定めのすべての版(版の順)。 / Every version of this rule, in order.' }],
  establishedBy: [() => Person, (r, ctx) => related(ctx, getPerson, r.establishedBy), { nullable: true, description: '定めた総括管理責任者。 / The general manager who set it.' }],
  viewerCanRevise: [
    () => Boolean,
    async (r, ctx) => ruleActions(ctx.viewer, r, ctx.clock(), await getRuleVersions(ctx.store, r.number)).revise,
    { description: '新しい版を定められるか(総括管理責任者、最新の版)。 / Whether the viewer may revise it: the general manager, from the latest version.' },
  ],
});

export const supplementaryRuleResolvers: Function[] = [SupplementaryRuleResolver, RuleFields];
