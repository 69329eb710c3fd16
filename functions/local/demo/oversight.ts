/** The demo city's 調査・指導・研修 (第19条–第21条): investigations, guidance and training. */
import { SeedBatch } from './seedBatch';

export function demoOversight(now: string): SeedBatch[] {
  void now;
  return [];
}
