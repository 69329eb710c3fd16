/** The demo city's 調査・指導・研修 (第19条–第21条): investigations, guidance and training. */
import { Finding, Guidance, Investigation, Proposal, TrainingSession } from '../../domain/oversight';
import { tokyoDate } from '../../domain/people';
import { alongWith } from '../../domain/change';
import { SEED_ACTOR, SeedBatch, seedOf, seeded } from './seedBatch';

const dayFrom = (now: string, n: number) => new Date(Date.parse(`${tokyoDate(now)}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export const DEMO_INVESTIGATION_ID = 'demo-investigation-juumin';
export const DEMO_PROPOSAL_ID = 'demo-proposal-juumin-lock';
export const DEMO_GUIDANCE_ID = 'demo-guidance-kenkou';
export const DEMO_TRAINING_ID = 'demo-training-security';

export function demoOversight(now: string): SeedBatch[] {
  const common = { version: 1, createdAt: now, updatedAt: now };
  // 第19条: the administrator investigates 住民情報システム from the standpoint of safety, and proposes to 市民課.
  const investigation: Investigation = {
    id: DEMO_INVESTIGATION_ID,
    systemId: 'demo-juumin',
    purpose: '住民情報システムの端末管理の安全性の確認',
    startedOn: dayFrom(now, -10),
    findingCount: 1,
    proposalCount: 1,
    openProposalCount: 1,
    status: 'OPEN',
    investigatorId: SEED_ACTOR,
    ...common,
  };
  // Its finding and proposal are items of their own in its partition.
  const finding: Finding = {
    id: 'demo-finding-juumin-lock',
    investigationId: DEMO_INVESTIGATION_ID,
    perspective: 'SAFETY',
    text: '窓口端末の画面ロックが設定されておらず、離席時に住民情報が第三者に見られるおそれがある。',
    recordedBy: SEED_ACTOR,
    recordedAt: now,
    version: 1,
  };
  const proposal: Proposal = {
    id: DEMO_PROPOSAL_ID,
    investigationId: DEMO_INVESTIGATION_ID,
    systemId: investigation.systemId,
    findingId: finding.id,
    text: '窓口端末に5分で作動する画面ロックを設定し、離席時の操作手順を職員に周知すること。',
    departmentId: 'shimin',
    dueOn: dayFrom(now, 20),
    status: 'OPEN',
    version: 1,
  };
  // 第20条: advice to 健康推進課's information manager, not yet acknowledged.
  const guidance: Guidance = {
    id: DEMO_GUIDANCE_ID,
    departmentId: 'kenkou',
    kind: 'ADVICE',
    subject: '健診結果データの持出しについて',
    content: '健診結果データを外部媒体で持ち出す場合は、暗号化した媒体を用い、第25条の承認を事前に得てください。',
    givenOn: dayFrom(now, -5),
    givenBy: SEED_ACTOR,
    ...common,
  };
  // 第21条: a training held two weeks ago, its attendance recorded.
  const training: TrainingSession = {
    id: DEMO_TRAINING_ID,
    title: '情報セキュリティ研修(令和期 全職員向け)',
    content: 'パスワードの管理(第24条)、禁止行為(第25条)、ウイルス感染時の対応(第26条)。',
    heldOn: dayFrom(now, -14),
    attendeeCount: 3,
    organizedBy: SEED_ACTOR,
    ...common,
    version: 2,
  };
  return [
    seeded(
      alongWith(seedOf('Investigation', investigation), {
        parts: [
          { part: 'InvestigationFinding', value: finding },
          { part: 'ImprovementProposal', value: proposal },
        ],
      }),
      now,
      'seed-investigation-juumin',
    ),
    seeded(seedOf('Guidance', guidance), now, 'seed-guidance-kenkou'),
    seeded(
      alongWith(seedOf('TrainingSession', training), {
        parts: ['kenkou-staff', 'shimin-manager', 'shimin-staff'].map((personId) => ({ part: 'TrainingAttendance' as const, value: { training, personId } })),
      }),
      now,
      'seed-training-security',
    ),
  ];
}
