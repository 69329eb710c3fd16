/** The demo city's サーバ室 (第16条): who may enter, and the entries recorded. */
import { SeedBatch } from './seedBatch';

export function demoServerRoom(now: string): SeedBatch[] {
  void now;
  return [];
}
