/** The demo city's 操作職員等 (第12条, 様式第5号): who may operate a system. */
import { SeedBatch } from './seedBatch';

export function demoOperators(now: string): SeedBatch[] {
  void now;
  return [];
}
