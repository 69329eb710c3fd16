/** Dates a person reads are 和暦, in Japan's calendar and time; dates in the API stay ISO. */
import { wareki, warekiTime } from '../../functions/domain/period';

describe('和暦: the dates of minutes, notices and mail', () => {
  it('a date of the city’s calendar: 令和8年12月20日', () => {
    expect(wareki('2026-12-20')).toBe('令和8年12月20日');
  });

  it('the first year of an era is 元年, and the era changes on its day (平成31年4月30日, then 令和元年5月1日)', () => {
    expect(wareki('2019-04-30')).toBe('平成31年4月30日');
    expect(wareki('2019-05-01')).toBe('令和元年5月1日');
  });

  it('an instant is read in Japan’s time: 2026-03-31T15:30Z is 令和8年4月1日 00:30', () => {
    expect(warekiTime('2026-03-31T15:30:00.000Z')).toBe('令和8年4月1日 00:30');
  });
});
