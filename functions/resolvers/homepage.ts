/** ホームページ (第27条, 様式第10号): pages, categories, top-page links and the periodic check. */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  HomepageCategory as CategoryRecord, HomepageCheck as CheckRecord, HomepagePage as PageRecord, TopPageLink as LinkRecord, TopPageLinkRequest as LinkRequestRecord, checkDueOn, checkReasons,
  draftLinkRequest, homepage, isOnTopPageNow, normalizePath, pageActions, topPageLinkActions, PageCoordination, uncoordinatedDepartments,
} from '../domain/homepage';
import { getDepartment, getPerson } from '../store/people';
import { getCategory, getClaim, getLinkRequest, getPage, getTopPageLink, listCategories, listLinkRequestsOfPage, listPagesDueForCheck, listPagesOfDepartment, listRunningTopPageLinks } from '../store/homepage';
import { LocalDate, PageArgs } from '../../graphql/common';
import {
  CreateHomepageCategoryInput, DraftHomepagePageInput, HomepageCategory, HomepageCategoryConnection, HomepageCategoryPayload, HomepageCheck,
  HomepageCheckReason, HomepagePage, HomepagePageConnection, HomepagePagePayload, HomepagePageTransitionInput, RecordHomepageCheckInput,
  RequestTopPageLinkInput, TopPageLink, TopPageLinkConnection, TopPageLinkRequest, TopPageLinkRequestConnection, TopPageLinkRequestPayload,
  HomepageCoordination, RecordHomepageCoordinationInput, SetHomepagePageRelatedDepartmentsInput,
} from '../../graphql/homepage';
import { Department, Person } from '../../graphql/people';
import { Context } from './context';
import { actionsOf, globalId, iso, read, INPUT, connection } from './support';
import { computed, departmentOrOwn, related } from './fields';
import { change, create, load, loadOptional } from './write';
import { draft } from './applications';
import { filterPage } from '../store/table';

const pagePayload = (page: PageRecord) => ({ page });
const thePage = (input: { pageId: string }) => ({ kind: 'HomepagePage' as const, id: input.pageId, field: 'pageId' });
const can = (ctx: Context, p: PageRecord) => actionsOf(ctx, p, pageActions);
const period = (p: { from: string; until?: string | null }) => ({ from: p.from, until: p.until ?? undefined });

@Resolver(() => HomepageCategory)
export class HomepageCategoryResolver {
  @Query(() => HomepageCategoryConnection, { description: '掲載情報グループの一覧(作成順)。 / The categories of the homepage, in order of creation.' })
  homepageCategories(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listCategories(ctx.store, paging)));
  }

  @Mutation(() => HomepageCategoryPayload, { description: '掲載情報グループの作成(ホームページ運用管理者、第27条第2項第4号)。名称は一意。 / Create a category (the operations manager); names are unique.' })
  createHomepageCategory(@Arg('input', { description: INPUT }) input: CreateHomepageCategoryInput, @Ctx() ctx: Context) {
    const { name, description } = input;
    return create(ctx, async (now, id) =>
      homepage.createCategory(ctx.viewer, { name, description: description ?? undefined }, await getClaim(ctx.store, 'CATEGORY_NAME', name.trim()), id, now), (category) => ({ category }));
  }
}

@Resolver(() => HomepagePage)
export class HomepagePageResolver {
  @Query(() => HomepagePageConnection, { description: '主管課のページ(既定は自分の課)。 / The pages of a department (the viewer’s own by default).' })
  homepagePages(@Args() paging: PageArgs, @Arg('departmentId', () => ID, { nullable: true, description: '主管課(既定は自分の課)。 / The department (the viewer’s own by default).' }) departmentId: string | undefined, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listPagesOfDepartment(ctx.store, departmentOrOwn(ctx, departmentId), paging)));
  }

  @Query(() => HomepagePageConnection, { description: '定期確認が必要な公開中のページ(掲載期間経過・確認間隔90日超過、期限の古い順、第27条第2項第2号)。 / Open pages due for the periodic check: past their posting period or not checked within 90 days; longest due first.' })
  homepagePagesDueForCheck(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listPagesDueForCheck(ctx.store, ctx.clock(), paging)));
  }

  @FieldResolver(() => TopPageLinkRequestConnection, { description: 'このページの様式第10号(新しい順)。 / Its 様式第10号 requests, newest first.' })
  topPageLinkRequests(@Root() p: PageRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listLinkRequestsOfPage(ctx.store, p.id, paging)));
  }

  @Mutation(() => HomepagePagePayload, { description: 'ページの作成(主管課の職員等又は情報管理責任者、第27条第4項第3号)。サイト上の位置は一意。 / Draft a page of a department; its path is unique.' })
  draftHomepagePage(@Arg('input', { description: INPUT }) input: DraftHomepagePageInput, @Ctx() ctx: Context) {
    const { title, path, postingPeriod } = input;
    return create(ctx, async (now, id) => {
      const department = await load(ctx, 'Department', input.departmentId, 'departmentId');
      const category = await load(ctx, 'HomepageCategory', input.categoryId, 'categoryId');
      const claim = await getClaim(ctx.store, 'PATH', normalizePath(path));
      return homepage.draftPage(ctx.viewer, department.id, category.id, { title, path, postingPeriod: period(postingPeriod) }, claim, id, now);
    }, pagePayload);
  }

  @Mutation(() => HomepagePagePayload, { description: 'ページの開設(再開)の承認(ホームページ情報管理者、第27条第4項第1号)。 / Approve opening (or reopening) a page.' })
  openHomepagePage(@Arg('input', { description: INPUT }) input: HomepagePageTransitionInput, @Ctx() ctx: Context) {
    return change(ctx, thePage(input), (p, now) => homepage.open(ctx.viewer, p, input.expectedVersion, now), pagePayload);
  }

  @Mutation(() => HomepagePagePayload, { description: 'ページの停止の承認(第27条第4項第1号)。トップページからリンクされている間は不可(第4号)。 / Approve stopping a page; refused while the top page links to it.' })
  stopHomepagePage(@Arg('input', { description: INPUT }) input: HomepagePageTransitionInput, @Ctx() ctx: Context) {
    return change(ctx, thePage(input), (p, now) => homepage.stop(ctx.viewer, p, input.expectedVersion, now), pagePayload);
  }

  @Mutation(() => HomepagePagePayload, { description: 'ページの廃止の承認(第27条第4項第1号)。トップページからリンクされている間は不可(第4号)。 / Approve abolishing a page; refused while the top page links to it.' })
  abolishHomepagePage(@Arg('input', { description: INPUT }) input: HomepagePageTransitionInput, @Ctx() ctx: Context) {
    return change(ctx, thePage(input), async (p, now) => homepage.abolish(ctx.viewer, p, input.expectedVersion, await getClaim(ctx.store, 'PATH', p.path), now), pagePayload);
  }

  @Mutation(() => HomepagePagePayload, { description: '定期確認の記録(ホームページ運用管理者、第27条第2項第2号)。次の期限が移る。 / Record the periodic check of a page (the operations manager); its due date moves.' })
  recordHomepageCheck(@Arg('input', { description: INPUT }) input: RecordHomepageCheckInput, @Ctx() ctx: Context) {
    const check = { checkedAt: input.checkedAt ? iso(input.checkedAt) : undefined, note: input.note ?? undefined };
    return change(ctx, thePage(input), (p, now) => homepage.recordCheck(ctx.viewer, p, input.expectedVersion, check, now), pagePayload);
  }

  @Mutation(() => HomepagePagePayload, {
    description: '他課に関連する情報として関係する主管課を登録する(ホームページ情報管理者、第27条第4項第2号)。調整が済むまで公開できない。 / List the departments the page relates to; it opens only once each has been coordinated with.',
  })
  setHomepagePageRelatedDepartments(@Arg('input', { description: INPUT }) input: SetHomepagePageRelatedDepartmentsInput, @Ctx() ctx: Context) {
    return change(ctx, { ...thePage(input), expectedVersion: input.expectedVersion }, async (p, now) => {
      const departmentIds = await Promise.all(input.departmentIds.map(async (id, i) => (await load(ctx, 'Department', id, `departmentIds.${i}`)).id));
      return homepage.setRelatedDepartments(ctx.viewer, p, departmentIds, now);
    }, pagePayload);
  }

  @Mutation(() => HomepagePagePayload, { description: '関係する主管課との調整の記録(ホームページ情報管理者、第27条第4項第2号)。 / Record the coordination with a related department.' })
  recordHomepageCoordination(@Arg('input', { description: INPUT }) input: RecordHomepageCoordinationInput, @Ctx() ctx: Context) {
    const { on, outcome } = input;
    return change(ctx, { ...thePage(input), expectedVersion: input.expectedVersion }, async (p, now) => {
      const departmentId = (await load(ctx, 'Department', input.departmentId, 'departmentId')).id;
      const withPersonId = (await loadOptional(ctx, 'Person', input.withPersonId, 'withPersonId'))?.id;
      return homepage.recordCoordination(ctx.viewer, p, { departmentId, withPersonId, on, outcome, note: input.note ?? undefined }, now);
    }, pagePayload);
  }
}

@Resolver(() => TopPageLinkRequest)
export class TopPageLinkRequestResolver {
  @Mutation(() => TopPageLinkRequestPayload, {
    description:
      'ホームページトップページリンク設定・解除依頼書(様式第10号)の作成(`submit: true` で運用管理者に送付、第27条第4項第4号)。承認されるまでトップページは変わらない。 / Request a link on the top page to be set or released; nothing changes there before approval.',
  })
  requestTopPageLink(@Arg('input', { description: INPUT }) input: RequestTopPageLinkInput, @Ctx() ctx: Context) {
    const { action, linkTitle, displayPeriod, note } = input;
    const asked = { action, linkTitle: linkTitle ?? undefined, displayPeriod: displayPeriod ? period(displayPeriod) : undefined, note: note ?? undefined };
    return draft(ctx, 'TopPageLinkRequest', async (now, id) => {
      const page = await load(ctx, 'HomepagePage', input.pageId, 'pageId');
      const category = await loadOptional(ctx, 'HomepageCategory', input.categoryId, 'categoryId');
      return draftLinkRequest(ctx.viewer, page, await getTopPageLink(ctx.store, page.id), category, asked, id, now);
    }, input.submit, (request) => ({ request }));
  }
}

@Resolver(() => TopPageLink)
export class TopPageLinkResolver {
  @Query(() => TopPageLinkConnection, { description: '現在トップページにあるリンク(設定中かつ表示期間内、表示終了日の早い順)。 / The links on the top page now: set and within their display period, ending soonest first.' })
  topPageLinks(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const now = ctx.clock();
      const page = await listRunningTopPageLinks(ctx.store, now, paging);
      return connection(filterPage(page, (l) => isOnTopPageNow(l, now)));
    });
  }
}

@Resolver(() => Department)
export class DepartmentHomepageResolver {
  @FieldResolver(() => HomepagePageConnection, { description: 'この課のホームページのページ。 / The department’s pages on the homepage.' })
  homepagePages(@Root() d: { id: string }, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listPagesOfDepartment(ctx.store, d.id, paging)));
  }
}

const CategoryFields = computed<CategoryRecord>(HomepageCategory, {
  createdBy: [() => Person, (c, ctx) => getPerson(ctx.store, c.createdBy), { description: '作成した運用管理者。 / The operations manager who created it.' }],
});

const CheckFields = computed<CheckRecord>(HomepageCheck, {
  checkedBy: [() => Person, (c, ctx) => getPerson(ctx.store, c.checkedBy), { description: '確認した運用管理者。 / Who checked.' }],
});

const PageFields = computed<PageRecord>(HomepagePage, {
  department: [() => Department, (p, ctx) => getDepartment(ctx.store, p.departmentId), { description: '主管課。 / The department whose page it is.' }],
  category: [() => HomepageCategory, (p, ctx) => getCategory(ctx.store, p.categoryId), { description: '掲載情報グループ。 / Category.' }],
  draftedBy: [() => Person, (p, ctx) => getPerson(ctx.store, p.draftedBy), { description: '作成者。 / Who drafted it.' }],
  checkDueOn: [
    () => LocalDate,
    (p) => checkDueOn(p),
    { nullable: true, description: '定期確認の期限(掲載期間終了の翌日と前回確認から90日後の早い方、公開中のみ)。 / When it falls due for the periodic check (open pages only).' },
  ],
  checkReasons: [() => [HomepageCheckReason], (p, ctx) => checkReasons(p, ctx.clock()), { description: '本日、定期確認が必要な理由(なければ空)。 / Why it awaits the periodic check today (empty if not).' }],
  relatedDepartments: [() => [Department], (p, ctx) => Promise.all((p.relatedDepartmentIds ?? []).map((d) => getDepartment(ctx.store, d))), { description: '他課に関連する情報として関係する主管課(第27条第4項第2号)。 / The other departments its information relates to.' }],
  coordinations: [() => [HomepageCoordination], (p) => p.coordinations ?? [], { description: '関係する主管課との調整(課ごとに最新)。 / The coordination with each related department (the latest for each).' }],
  uncoordinatedDepartments: [() => [Department], (p, ctx) => Promise.all(uncoordinatedDepartments(p).map((d) => getDepartment(ctx.store, d))), { description: '調整が済んでいない関係課(空でなければ公開できない)。 / Related departments not yet agreed; the page opens only when empty.' }],
  topPageLink: [() => TopPageLink, (p, ctx) => getTopPageLink(ctx.store, p.id), { nullable: true, description: 'トップページのリンク(解除済を含む)。 / Its link on the top page, released ones included.' }],
  viewerCanOpen: [() => Boolean, (p, ctx) => can(ctx, p).open, { description: '閲覧者が開設を承認できるか。 / Whether the viewer may open it.' }],
  viewerCanStop: [() => Boolean, (p, ctx) => can(ctx, p).stop, { description: '閲覧者が停止を承認できるか。 / Whether the viewer may stop it.' }],
  viewerCanAbolish: [() => Boolean, (p, ctx) => can(ctx, p).abolish, { description: '閲覧者が廃止を承認できるか。 / Whether the viewer may abolish it.' }],
  viewerCanRequestTopPageLink: [() => Boolean, (p, ctx) => can(ctx, p).requestTopPageLink, { description: '閲覧者がトップページへのリンク設定を依頼できるか。 / Whether the viewer may request a top-page link.' }],
  viewerCanRequestTopPageLinkRelease: [
    () => Boolean,
    (p, ctx) => can(ctx, p).requestTopPageLinkRelease,
    { description: '閲覧者がリンク解除を依頼できるか。 / Whether the viewer may request its top-page link released.' },
  ],
  viewerCanRecordCheck: [() => Boolean, (p, ctx) => can(ctx, p).recordCheck, { description: '閲覧者が定期確認を記録できるか。 / Whether the viewer may record its periodic check.' }],
});

const LinkRequestFields = computed<LinkRequestRecord>(TopPageLinkRequest, {
  page: [() => HomepagePage, (r, ctx) => getPage(ctx.store, r.pageId), { description: 'リンク先のページ。 / The page linked to.' }],
  category: [() => HomepageCategory, (r, ctx) => getCategory(ctx.store, r.categoryId), { description: '掲載情報グループ。 / Category of the link.' }],
  applicantDepartment: [() => Department, (r, ctx) => getDepartment(ctx.store, r.departmentId), { description: 'ページの主管課。 / The page’s department.' }],
});

const LinkFields = computed<LinkRecord>(TopPageLink, {
  id: [() => ID, (l) => globalId('TopPageLink', l.pageId), { description: 'グローバルID(不透明、ページごとに一つ)。 / Opaque global id; one per page.' }],
  page: [() => HomepagePage, (l, ctx) => getPage(ctx.store, l.pageId), { description: 'リンク先のページ。 / The page linked to.' }],
  category: [() => HomepageCategory, (l, ctx) => getCategory(ctx.store, l.categoryId), { description: '掲載情報グループ。 / Category.' }],
  request: [() => TopPageLinkRequest, (l, ctx) => getLinkRequest(ctx.store, l.setByRequestId), { description: 'リンクを設定した依頼(様式第10号)。 / The request that set it.' }],
  releaseRequest: [() => TopPageLinkRequest, (l, ctx) => related(ctx, getLinkRequest, l.releasedByRequestId), { nullable: true, description: 'リンクを解除した依頼。 / The request that released it.' }],
  current: [() => Boolean, (l, ctx) => isOnTopPageNow(l, ctx.clock()), { description: '現在トップページに表示されているか。 / Whether it is on the top page today.' }],
  viewerCanRequestRelease: [
    () => Boolean,
    async (l, ctx) => {
      const page = await getPage(ctx.store, l.pageId);
      return !!page && topPageLinkActions(ctx.viewer, l, page, ctx.clock()).requestRelease;
    },
    { description: '閲覧者が解除を依頼できるか。 / Whether the viewer may request its release.' },
  ],
});

const CoordinationFields = computed<PageCoordination>(HomepageCoordination, {
  department: [() => Department, (c, ctx) => getDepartment(ctx.store, c.departmentId), { description: '調整した主管課。 / The department coordinated with.' }],
  withPerson: [() => Person, (c, ctx) => related(ctx, getPerson, c.withPersonId), { nullable: true, description: '調整の相手。 / With whom.' }],
  recordedBy: [() => Person, (c, ctx) => getPerson(ctx.store, c.recordedBy), { nullable: true, description: '記録したホームページ情報管理者。 / Who recorded it.' }],
});

export const homepageResolvers: Function[] = [
  HomepageCategoryResolver, HomepagePageResolver, TopPageLinkRequestResolver, TopPageLinkResolver, DepartmentHomepageResolver,
  CategoryFields, CheckFields, PageFields, LinkRequestFields, LinkFields, CoordinationFields,
];
