/**
 * The monthly report's sections, in order. A module adds its section here (one line) when it exists: the report
 * then carries it from the next generation on.
 */
import { casesSection } from './cases-section.ts';
import { completionSection } from './completion-section.ts';
import { earlyWarningSection } from './early-warning-section.ts';
import { handoversSection } from './handovers-section.ts';
import { kaaSection } from './kaa-section.ts';
import { knowledgeSection } from './knowledge-section.ts';
import type { SectionProvider } from './section.ts';
import { eventsSection } from '../../events/report-section.ts';
import { implementationPlanSection } from '../../implementation-plan/report-section.ts';

export const reportSectionProviders: SectionProvider[] = [
  earlyWarningSection,
  casesSection,
  kaaSection,
  handoversSection,
  completionSection,
  knowledgeSection,
  implementationPlanSection,
  eventsSection,
];
