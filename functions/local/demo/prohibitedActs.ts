/** The demo city's 禁止行為 (第25条): the exceptions the system administrator allows, and findings of devices connected. */
import { SeedBatch } from './seedBatch';

export function demoProhibitedActs(now: string): SeedBatch[] {
  void now;
  return [];
}
