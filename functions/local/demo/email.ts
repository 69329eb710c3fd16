/** The demo city's 電子メール (第28条, 様式第11号): the register of mail addresses and the applications that change it. */
import { SeedBatch } from './seedBatch';

export function demoEmail(now: string): SeedBatch[] {
  void now;
  return [];
}
