import { z } from 'zod';
import { countryCode, timestamp } from './common.js';
import { calendarDate } from './portfolio-records.js';

/** What applies where a country set nothing: the EU model's 10 working days, 3 for perishable goods. */
export const DEFAULT_CASE_POLICY = {
  answerDays: 10,
  perishableDays: 3,
  timeZone: 'UTC',
  holidays: [] as string[],
  weekend: [0, 6],
};

const timeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Not an IANA time zone, e.g. Europe/Paris');

const days = z.number().int().min(1).max(60);

/** A country's detention-procedure policy, set by the operator or the country's national coordinator. */
export const casePolicyBody = z.object({
  answerDays: days,
  perishableDays: days,
  timeZone,
  holidays: z
    .array(calendarDate)
    .max(100)
    .transform((dates) => [...new Set(dates)].sort()),
  /** Days of the week not worked, 0 = Sunday … 6 = Saturday. */
  weekend: z
    .array(z.number().int().min(0).max(6))
    .max(6)
    .transform((weekdays) => [...new Set(weekdays)].sort()),
});
export type CasePolicyBody = z.infer<typeof casePolicyBody>;

export const casePolicyParams = z.object({ countryCode });

export const casePolicyView = z
  .object({
    countryCode: z.string(),
    answerDays: z.number().int(),
    perishableDays: z.number().int(),
    timeZone: z.string(),
    holidays: z.array(z.string()),
    weekend: z.array(z.number().int()),
    /** True when the country set nothing and the defaults apply. */
    isDefault: z.boolean(),
    updatedAt: timestamp.nullable(),
  })
  .meta({ id: 'CasePolicy' });
export type CasePolicyView = z.infer<typeof casePolicyView>;

export const casePolicyListView = z.object({ policies: z.array(casePolicyView) });
