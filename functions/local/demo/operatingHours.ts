/** The demo city's 操作時間 (第11条): the working calendar, maintenance stops and failures, and whether a system is in service. */
import { SeedBatch } from './seedBatch';

export function demoOperatingHours(now: string): SeedBatch[] {
  void now;
  return [];
}
