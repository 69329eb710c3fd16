/** The demo city's ホームページ (第27条, 様式第10号): pages, categories, top-page links and the periodic check. */
import { SeedBatch } from './seedBatch';

export function demoHomepage(now: string): SeedBatch[] {
  void now;
  return [];
}
