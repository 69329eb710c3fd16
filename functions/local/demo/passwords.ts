/** The demo city's パスワードの管理 (第24条): when each person last changed the password of each system. */
import { SeedBatch } from './seedBatch';

export function demoPasswords(now: string): SeedBatch[] {
  void now;
  return [];
}
