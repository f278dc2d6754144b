/** Each module's texts `{ sv, en }`, merged into i18next under the module's name (one line per module). */
import { accessLog } from './access-log/i18n.ts';
import { earlyWarning } from './early-warning/i18n.ts';
import { followUp } from './follow-up/i18n.ts';
import { followUpEconomics } from './follow-up/economics-i18n.ts';
import { followUpRegion } from './follow-up/region-goals-i18n.ts';
import { interventions } from './interventions/i18n.ts';
import { interventionMeetings } from './interventions/meetings-i18n.ts';
import { kaa } from './kaa/i18n.ts';
import { handovers } from './handovers/i18n.ts';
import { implementationPlan } from './implementation-plan/i18n.ts';
import { challenges } from './challenges/i18n.ts';
import { events } from './events/i18n.ts';
import { region } from './region/i18n.ts';
import { knowledgeBank } from './knowledge-bank/i18n.ts';
import { registerExtract } from './register-extract/i18n.ts';
import { retention } from './retention/i18n.ts';
import { students } from './students/i18n.ts';

export const moduleTexts: Record<string, { sv: Record<string, unknown>; en: Record<string, unknown> }> = {
  students,
  accessLog,
  registerExtract,
  earlyWarning,
  interventions,
  interventionMeetings,
  knowledgeBank,
  kaa,
  handovers,
  followUp,
  followUpEconomics,
  followUpRegion,
  retention,
  implementationPlan,
  challenges,
  events,
  region,
};
