/**
 * Every retention rule's database work, keyed as in src/shared/retention/rules.ts: a module adds its rule with one
 * entry there and one here (a `RuleSql` in its own folder); the type asks for every key.
 */
import type { RetentionRuleKey } from '../../../shared/retention/rules.ts';
import type { RuleSql } from './rule.ts';
import { accessLogRule } from './rules/access-log.ts';
import { casesRule } from './rules/cases.ts';
import { earlyWarningHistoryRule } from './rules/early-warning.ts';
import { handoversRule } from './rules/handovers.ts';
import { kaaRegisterRule } from './rules/kaa.ts';
import { notificationsRule } from './rules/notifications.ts';
import { schoolRecordsRule } from './rules/school-records.ts';
import { signInFailuresRule } from './rules/sign-in-failures.ts';
import { teamMeetingsRule } from './rules/team-meetings.ts';

export const ruleSql: Record<RetentionRuleKey, RuleSql> = {
  cases: casesRule,
  'early-warning-history': earlyWarningHistoryRule,
  'school-records-after-leaving': schoolRecordsRule,
  'kaa-register': kaaRegisterRule,
  'access-log': accessLogRule,
  handovers: handoversRule,
  notifications: notificationsRule,
  'team-meetings': teamMeetingsRule,
  'sign-in-failures': signInFailuresRule,
};
