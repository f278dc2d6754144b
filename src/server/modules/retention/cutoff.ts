/** The day before which a rule's rows go: `today` minus what the rule keeps, in its unit. */
import { format, parseISO, subDays, subYears } from 'date-fns';

/** YYYY-MM-DD: rows dated before it are past the rule. */
export function cutoffFor(today: string, keep: number, unit: 'years' | 'days'): string {
  const day = parseISO(today);
  return format(unit === 'years' ? subYears(day, keep) : subDays(day, keep), 'yyyy-MM-dd');
}
