/** The demo city's 保守対策・障害対策 (第17条, 第18条): protective measures and recovery procedures of each system. */
import { SeedBatch } from './seedBatch';

export function demoResilience(now: string): SeedBatch[] {
  void now;
  return [];
}
