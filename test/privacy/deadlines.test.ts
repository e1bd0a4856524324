import { describe, expect, it } from 'vitest';
import { addPeriod, computeDeadlines, endOfLocalDay, localDate, resolveCalendar, startOfLocalDay, makeCalendar, addBusinessDays } from '../../src/privacy/index.js';
import { loadRules } from '../../src/privacy/jurisdictions.js';
import { PrivacyError } from '../../src/privacy/errors.js';

const rules = loadRules();
const gdprAccess = rules.jurisdictions.GDPR!.types.access!;
const ccpaDelete = rules.jurisdictions.CCPA!.types.delete!;
const ccpaOptOut = rules.jurisdictions.CCPA!.types.opt_out_sale_sharing!;
const weekends = resolveCalendar('weekends-only');
const germany = resolveCalendar('de-nationwide');
const england = resolveCalendar('england-wales');
const usFederal = resolveCalendar('us-federal');

describe('GDPR one month (Art. 12(3), Reg. 1182/71 Art. 3)', () => {
  it.each([
    ['2026-01-31', '2026-03-02'], // Feb 31 → Feb 28 (Sat) → Mon Mar 2
    ['2028-01-31', '2028-02-29'], // leap year
    ['2026-03-31', '2026-04-30'], // Apr 31 → Apr 30 (Thu)
    ['2026-03-05', '2026-04-06'], // Apr 5 is a Sunday
    ['2026-11-23', '2026-12-23'],
  ])('received %s → respond by %s (weekends only)', (received, due) => {
    expect(computeDeadlines(gdprAccess, received, received, weekends).respondBy).toBe(due);
  });

  it('2026-03-05 → 2026-04-07 where Easter Monday (2026-04-06) is a holiday', () => {
    expect(computeDeadlines(gdprAccess, '2026-03-05', '2026-03-05', germany).respondBy).toBe('2026-04-07');
    expect(computeDeadlines(gdprAccess, '2026-03-05', '2026-03-05', england).respondBy).toBe('2026-04-07');
  });

  it('extension: receipt + 3 months with the same capping and rolling', () => {
    // 2028-01-31 + 3 months → Apr 31 does not exist → Apr 30 (Sun) → May 1 (Mon)
    expect(computeDeadlines(gdprAccess, '2028-01-31', '2028-01-31', weekends).extendableTo).toBe('2028-05-01');
    // May 1 2028 is a public holiday in Germany and the Early May bank holiday in England → May 2
    expect(computeDeadlines(gdprAccess, '2028-01-31', '2028-01-31', germany).extendableTo).toBe('2028-05-02');
    expect(computeDeadlines(gdprAccess, '2028-01-31', '2028-01-31', england).extendableTo).toBe('2028-05-02');
  });

  it('a month counted from a 29th/30th lands on the same day or the month end', () => {
    expect(addPeriod('2027-01-29', gdprAccess.respond, weekends)).toBe('2027-03-01'); // Feb 28 2027 is a Sunday
    expect(addPeriod('2026-12-30', gdprAccess.respond, weekends)).toBe('2027-02-01'); // Jan 30 2027 is a Saturday
  });
});

describe('CCPA (11 CCR 7021, 7026)', () => {
  it('confirms within 10 business days, skipping weekends and US federal holidays', () => {
    // Fri 2026-11-20; Thanksgiving Thu 2026-11-26 is skipped
    const d = computeDeadlines(ccpaDelete, '2026-11-20', '2026-11-20', usFederal);
    expect(d.acknowledgeBy).toBe('2026-12-07');
    expect(d.respondBy).toBe('2027-01-04'); // 45 calendar days, no roll
    expect(d.extendableTo).toBe('2027-02-18'); // 90 calendar days from receipt in total
    // Tue 2026-06-30; Independence Day is observed Fri 2026-07-03
    expect(computeDeadlines(ccpaDelete, '2026-06-30', '2026-06-30', usFederal).acknowledgeBy).toBe('2026-07-15');
  });

  it('the same count with weekends only is shorter: the holiday calendar is an input', () => {
    expect(computeDeadlines(ccpaDelete, '2026-11-20', '2026-11-20', weekends).acknowledgeBy).toBe('2026-12-04');
  });

  it('opt-out of sale/sharing: 15 business days, no extension, no confirmation duty', () => {
    const d = computeDeadlines(ccpaOptOut, '2026-11-20', '2026-11-20', usFederal);
    expect(d.respondBy).toBe('2026-12-14');
    expect(d.extendableTo).toBeUndefined();
    expect(d.acknowledgeBy).toBeUndefined();
  });

  it('45 days are calendar days even when day 45 is a weekend', () => {
    expect(addPeriod('2026-03-11', ccpaDelete.respond, usFederal)).toBe('2026-04-25'); // a Saturday, not rolled
    expect(addPeriod('2026-04-20', ccpaDelete.respond, usFederal)).toBe('2026-06-04');
  });
});

describe('VCDPA and CPA', () => {
  it('45 days, one extension to 90, appeals 60 (VA) and 45 + 60 (CO)', () => {
    const va = rules.jurisdictions.VCDPA!.types;
    const d = computeDeadlines(va.delete!, '2026-01-10', '2026-01-10', usFederal);
    expect(d).toMatchObject({ respondBy: '2026-02-24', extendableTo: '2026-04-10' });
    expect(computeDeadlines(va.appeal!, '2026-01-10', '2026-01-10', usFederal)).toMatchObject({ respondBy: '2026-03-11' });
    const co = rules.jurisdictions.CPA!.types;
    expect(computeDeadlines(co.access!, '2026-01-10', '2026-01-10', usFederal).respondBy).toBe('2026-02-24');
    expect(computeDeadlines(co.appeal!, '2026-01-10', '2026-01-10', usFederal)).toMatchObject({ respondBy: '2026-02-24', extendableTo: '2026-04-25' });
  });
});

describe('time zones and DST', () => {
  it('the receipt date is the local date in the business time zone', () => {
    // 07:30 UTC on Mar 8 is still Mar 7 in Los Angeles (PST), the day DST starts there
    expect(localDate(new Date('2026-03-08T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-07');
    expect(localDate(new Date('2026-03-08T10:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-08'); // 03:30 PDT
    // 23:30 UTC on Oct 24 is 01:30 CEST on Oct 25 in Berlin, the night DST ends
    expect(localDate(new Date('2026-10-24T23:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25');
    expect(localDate(new Date('2026-10-24T23:30:00Z'), 'UTC')).toBe('2026-10-24');
  });

  it('deadlines run from that local date', () => {
    const received = localDate(new Date('2026-10-24T23:30:00Z'), 'Europe/Berlin'); // Sun 2026-10-25
    expect(computeDeadlines(gdprAccess, received, received, germany).respondBy).toBe('2026-11-25');
    const la = localDate(new Date('2026-03-08T07:30:00Z'), 'America/Los_Angeles');
    expect(computeDeadlines(ccpaDelete, la, la, usFederal).respondBy).toBe('2026-04-21');
  });

  it('a day lasts 23 or 25 hours on DST changes; a deadline ends at the last millisecond of its local day', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(startOfLocalDay('2026-10-25', 'Europe/Berlin').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(endOfLocalDay('2026-10-25', 'Europe/Berlin').toISOString()).toBe('2026-10-25T22:59:59.999Z');
    expect(endOfLocalDay('2026-03-08', 'America/Los_Angeles').toISOString()).toBe('2026-03-09T06:59:59.999Z');
    expect(endOfLocalDay('2026-11-01', 'America/Los_Angeles').toISOString()).toBe('2026-11-02T07:59:59.999Z');
  });

  it('refuses a time zone that is not IANA', () => {
    expect(() => localDate(new Date(), 'Mars/Olympus')).toThrow(/not an IANA time zone/);
  });
});

describe('holiday calendars are versioned data', () => {
  it('each bundled calendar has an id and version; the US one knows its 2026 holidays', () => {
    expect(usFederal.version).toMatch(/\d/);
    expect(usFederal.isWorkingDay('2026-07-03')).toBe(false); // Independence Day observed
    expect(usFederal.isWorkingDay('2026-07-06')).toBe(true);
    expect(germany.holidayName('2026-04-06')).toBe('Ostermontag');
  });

  it('refuses dates outside the calendar coverage rather than guessing', () => {
    let err: unknown;
    try {
      addBusinessDays(usFederal, '2028-12-20', 10);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PrivacyError);
    expect((err as PrivacyError).code).toBe('DSAR_CALENDAR');
    expect((err as Error).message).toMatch(/^caregate: holiday calendar us-federal v\S+ covers 2025-01-01 to 2028-12-31, not 2029-01-01/);
  });

  it('a custom calendar is validated', () => {
    expect(() => makeCalendar({ id: 'x', version: '1', name: 'x', source: 's', weekend: [0, 6], holidays: [{ date: '2026-02-30', name: 'bad' }] })).toThrow(/invalid at \/holidays\/0\/date/);
    const cal = makeCalendar({ id: 'mine', version: '7', name: 'x', source: 's', weekend: [5, 6], holidays: [] });
    expect(addBusinessDays(cal, '2026-01-01', 1)).toBe('2026-01-04'); // Thu → Sun with a Fri/Sat weekend
  });
});
