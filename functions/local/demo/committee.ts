/** The demo city's 管理運営委員会 (第30条–第34条): meetings, attendance, motions, minutes and working groups. */
import { Composition, Meeting, closeMeeting, convene, putMotion, recordPresence } from '../../domain/committee';
import { tokyoDate } from '../../domain/people';
import { alongWith } from '../../domain/change';
import { SeedBatch, seedOf, seeded } from './seedBatch';

const dayFrom = (now: string, n: number) => new Date(Date.parse(`${tokyoDate(now)}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export const DEMO_MEETING_ID = 'demo-meeting-1';

/** 第32条: the seats as the demo city's role assignments fill them (functions/local/seed.ts): seven 情報管理責任者. */
export const DEMO_COMPOSITION: Composition = {
  chairId: 'fuku-shichou',
  viceChairId: 'soumu-director',
  memberIds: ['digital-manager', 'fukushi-manager', 'kenkou-manager', 'kyouiku-manager', 'shimin-manager', 'soumu-manager', 'zaisei-manager'].sort(),
};

/**
 * A past meeting, closed: the chair convened it, the vice-chair and five of the seven members were present (a quorum:
 * at least 4), and the motion on the security agenda item carried 4 to 1.
 */
export function demoCommittee(now: string): SeedBatch[] {
  const step = (m: Meeting, patch: Partial<Meeting>): Meeting => ({ ...m, ...patch, version: m.version + 1 });
  let m = convene(
    DEMO_COMPOSITION,
    'fuku-shichou',
    {
      title: '令和7年度 第1回 管理運営委員会',
      heldOn: dayFrom(now, -30),
      place: '本庁舎4階 第1会議室',
      chairPrevented: false,
      agenda: [
        { matter: 'SECURITY', title: '窓口端末の画面ロック設定の全庁統一' },
        { matter: 'PLANNING', title: '次期住民情報システムの更新計画(報告)' },
      ],
    },
    { meeting: DEMO_MEETING_ID, agenda: ['demo-agenda-1', 'demo-agenda-2'] },
    now,
  );
  const present = ['fuku-shichou', 'soumu-director', 'digital-manager', 'kenkou-manager', 'shimin-manager', 'soumu-manager', 'zaisei-manager'];
  m = step(m, recordPresence(m, 'fuku-shichou', present));
  const votes = [
    { personId: 'digital-manager', vote: 'FOR' as const },
    { personId: 'shimin-manager', vote: 'FOR' as const },
    { personId: 'soumu-manager', vote: 'FOR' as const },
    { personId: 'zaisei-manager', vote: 'FOR' as const },
    { personId: 'kenkou-manager', vote: 'AGAINST' as const },
  ];
  const motion = putMotion(m, 'fuku-shichou', { agendaItemId: 'demo-agenda-1', text: '全庁の窓口端末に5分で作動する画面ロックを設定する。', votes }, 'demo-motion-1', now);
  m = step(m, motion.patch);
  m = step(m, closeMeeting(m, 'fuku-shichou', now));
  // The motion is an item of its own beside the meeting.
  return [seeded(alongWith(seedOf('CommitteeMeeting', m), { parts: [{ part: 'CommitteeMotion', value: motion.child }] }), now, 'seed-meeting-1')];
}
