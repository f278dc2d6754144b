/**
 * The monthly report's sections, in order. A module adds its section here (one line) when it exists: the report
 * then carries it from the next generation on. Part B of issue #16 adds events and implementation plans.
 */
import { casesSection } from './cases-section.ts';
import { earlyWarningSection } from './early-warning-section.ts';
import { kaaSection } from './kaa-section.ts';
import { knowledgeSection } from './knowledge-section.ts';
import type { SectionProvider } from './section.ts';
import { eventsSection } from '../../events/report-section.ts';
import { implementationPlanSection } from '../../implementation-plan/report-section.ts';

export const reportSectionProviders: SectionProvider[] = [
  earlyWarningSection,
  casesSection,
  kaaSection,
  knowledgeSection,
  implementationPlanSection,
  eventsSection,
];
