/**
 * The module registry: each module contributes its pages and nav entries, each guarded by a permission.
 * The nav shows an entry only when the actor's abilities (GET /api/auth/me) include its permission.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface ModulePage {
  path: string;
  permission: string;
  component: LazyExoticComponent<ComponentType>;
  /** i18n key of the nav entry; pages without one (a student page) are reached by links. */
  navKey?: string;
}

export const modulePages: ModulePage[] = [
  { path: '/elever', permission: 'students.list', navKey: 'students.nav', component: lazy(() => import('./students/StudentListPage.tsx')) },
  { path: '/elever/:id', permission: 'students.read', component: lazy(() => import('./students/StudentPage.tsx')) },
  {
    path: '/tidig-upptackt',
    permission: 'early-warning.read',
    navKey: 'earlyWarning.nav',
    component: lazy(() => import('./early-warning/WorklistPage.tsx')),
  },
  {
    path: '/tidig-upptackt/elev/:id',
    permission: 'early-warning.read',
    component: lazy(() => import('./early-warning/StudentEarlyWarningPage.tsx')),
  },
  {
    path: '/tidig-upptackt/oversikt',
    permission: 'statistics.read',
    navKey: 'earlyWarning.overviewNav',
    component: lazy(() => import('./early-warning/OverviewPage.tsx')),
  },
  {
    path: '/tidig-upptackt/installningar',
    permission: 'settings.manage',
    navKey: 'earlyWarning.settingsNav',
    component: lazy(() => import('./early-warning/SettingsPage.tsx')),
  },
  {
    path: '/tidig-upptackt/modeller',
    permission: 'settings.manage',
    navKey: 'earlyWarning.modelsNav',
    component: lazy(() => import('./early-warning/ModelsPage.tsx')),
  },
  {
    path: '/insatser',
    permission: 'interventions.read',
    navKey: 'interventions.nav',
    component: lazy(() => import('./interventions/CaseListPage.tsx')),
  },
  { path: '/insatser/arende/:id', permission: 'interventions.read', component: lazy(() => import('./interventions/CasePage.tsx')) },
  {
    path: '/insatser/moten',
    permission: 'interventions.read',
    navKey: 'interventionMeetings.nav',
    component: lazy(() => import('./interventions/MeetingsPage.tsx')),
  },
  { path: '/insatser/moten/:id', permission: 'interventions.read', component: lazy(() => import('./interventions/MeetingPage.tsx')) },
  {
    path: '/insatser/oversikt',
    permission: 'statistics.read',
    navKey: 'interventionMeetings.overviewNav',
    component: lazy(() => import('./interventions/DashboardPage.tsx')),
  },
  {
    path: '/uppfoljning',
    permission: 'statistics.read',
    navKey: 'followUp.nav',
    component: lazy(() => import('./follow-up/FollowUpPage.tsx')),
  },
  {
    path: '/uppfoljning/ekonomi',
    permission: 'statistics.read',
    navKey: 'followUp.economicsNav',
    component: lazy(() => import('./follow-up/EconomicsPage.tsx')),
  },
  {
    path: '/uppfoljning/mal',
    permission: 'settings.manage',
    navKey: 'followUp.goalsNav',
    component: lazy(() => import('./follow-up/GoalSettingsPage.tsx')),
  },
  {
    path: '/insatser/installningar',
    permission: 'settings.manage',
    navKey: 'interventionMeetings.settingsNav',
    component: lazy(() => import('./interventions/InterventionSettingsPage.tsx')),
  },
  {
    path: '/forslag/nytt',
    permission: 'knowledge-bank.submit',
    navKey: 'knowledgeBank.navSubmit',
    component: lazy(() => import('./knowledge-bank/SubmitPage.tsx')),
  },
  {
    path: '/forslag',
    permission: 'knowledge-bank.submit',
    navKey: 'knowledgeBank.navMine',
    component: lazy(() => import('./knowledge-bank/MySubmissionsPage.tsx')),
  },
  {
    path: '/forslag/granska',
    permission: 'knowledge-bank.moderate',
    navKey: 'knowledgeBank.navQueue',
    component: lazy(() => import('./knowledge-bank/ReviewQueuePage.tsx')),
  },
  {
    path: '/aktivitetsansvar',
    permission: 'youth-register.read',
    navKey: 'kaa.listNav',
    component: lazy(() => import('./kaa/TargetGroupPage.tsx')),
  },
  { path: '/aktivitetsansvar/ung/:id', permission: 'youth-register.read', component: lazy(() => import('./kaa/YouthPage.tsx')) },
  {
    path: '/overlamningar',
    permission: 'handovers.read',
    navKey: 'handovers.nav',
    component: lazy(() => import('./handovers/HandoversPage.tsx')),
  },
  {
    path: '/overlamningar/oversikt',
    permission: 'statistics.read',
    navKey: 'handovers.overviewNav',
    component: lazy(() => import('./handovers/OverviewPage.tsx')),
  },
  { path: '/overlamningar/:id', permission: 'handovers.read', component: lazy(() => import('./handovers/HandoverPage.tsx')) },
  {
    path: '/aktivitetsansvar/meddelanden',
    permission: 'youth-register.read',
    navKey: 'kaa.noticesNav',
    component: lazy(() => import('./kaa/NoticesPage.tsx')),
  },
  {
    path: '/aktivitetsansvar/brev',
    permission: 'youth-register.read',
    navKey: 'kaa.lettersNav',
    component: lazy(() => import('./kaa/LettersPage.tsx')),
  },
  {
    path: '/aktivitetsansvar/rapport',
    permission: 'youth-register.read',
    navKey: 'kaa.reportNav',
    component: lazy(() => import('./kaa/ReportPage.tsx')),
  },
  {
    path: '/aktivitetsansvar/tackning',
    permission: 'youth-register.read',
    navKey: 'kaa.coverageNav',
    component: lazy(() => import('./kaa/CoveragePage.tsx')),
  },
  {
    path: '/region',
    permission: 'region-report.read',
    navKey: 'region.nav',
    component: lazy(() => import('./region/RegionPage.tsx')),
  },
  {
    path: '/region/mal',
    permission: 'region-report.read',
    navKey: 'followUpRegion.nav',
    component: lazy(() => import('./follow-up/RegionGoalsPage.tsx')),
  },
  {
    path: '/implementeringsplan',
    permission: 'statistics.read',
    navKey: 'implementationPlan.nav',
    component: lazy(() => import('./implementation-plan/ImplementationPlanPage.tsx')),
  },
  {
    path: '/utmaningar',
    permission: 'knowledge-bank.submit',
    navKey: 'challenges.nav',
    component: lazy(() => import('./challenges/ChallengesPage.tsx')),
  },
  {
    path: '/utmaningar/granska',
    permission: 'knowledge-bank.moderate',
    navKey: 'challenges.reviewNav',
    component: lazy(() => import('./challenges/ReviewChallengesPage.tsx')),
  },
  {
    path: '/natverk/evenemang',
    permission: 'events.manage',
    navKey: 'events.nav',
    component: lazy(() => import('./events/EventsPage.tsx')),
  },
  {
    path: '/atkomstlogg',
    permission: 'access-log.read',
    navKey: 'accessLog.nav',
    component: lazy(() => import('./access-log/AccessLogPage.tsx')),
  },
  {
    path: '/registerutdrag',
    permission: 'register-extract.create',
    navKey: 'registerExtract.nav',
    component: lazy(() => import('./register-extract/RegisterExtractPage.tsx')),
  },
];
