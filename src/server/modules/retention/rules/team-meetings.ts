/**
 * Student-health team meetings (agenda with student ids, minutes, attendees), deleted a set number of years after the
 * meeting's day. Cases keep the meeting's id on their events and notes; a case's history reads without the meeting.
 */
import { sql } from 'drizzle-orm';
import { ofTenant, type RuleSql } from '../rule.ts';

export const teamMeetingsRule: RuleSql = {
  targets(tenantId, cutoff) {
    return [{ table: 'team_meetings', where: sql`${ofTenant(tenantId)} AND held_on < ${cutoff}::date` }];
  },
};
