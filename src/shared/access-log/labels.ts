/**
 * What an access-log row's codes mean to a person, in Swedish and English: the action as a phrase ("Läste elevens
 * sida", "Inloggning"), the outcome ("Tillåten", "Nekad") and the role. Every action the server logs is listed —
 * its own actions and every permission (a refused permission is logged under the permission's name); a test scans
 * the server for actions without a label. An unknown code reads as a generic label, never as the code.
 */
import type { Label } from '../contract/endpoint.ts';
import { roles } from '../access/roles.ts';

const l = (sv: string, en: string): Label => ({ sv, en });

/** Phrases for the actions the server logs, by code. */
export const actionLabels: Readonly<Record<string, Label>> = {
  'auth.sign-in': l('Inloggning', 'Sign-in'),
  'auth.sign-out': l('Utloggning', 'Sign-out'),
  'session.self': l('Läste sitt eget konto', 'Viewed their own account'),
  public: l('Öppen sida', 'Public page'),

  'students.list': l('Läste elevlistan', 'Viewed the student list'),
  'students.filters': l('Läste elevlistans urval', "Viewed the student list's filters"),
  'students.read': l('Läste elevens sida', "Viewed a student's page"),
  'contact.read': l('Läste kontaktuppgifter', 'Viewed contact details'),
  'attendance.read': l('Läste närvaro', 'Viewed attendance'),
  'grades.read': l('Läste betyg', 'Viewed grades'),

  'early-warning.read': l('Läste tidig upptäckt', 'Viewed early detection'),
  'early-warning.worklist': l('Läste arbetslistan i tidig upptäckt', 'Viewed the early-detection worklist'),
  'early-warning.worklist-export': l('Exporterade arbetslistan i tidig upptäckt', 'Exported the early-detection worklist'),
  'early-warning.student': l('Läste elevens tidiga upptäckt', "Viewed a student's early detection"),
  'early-warning.overview': l('Läste översikten i tidig upptäckt', 'Viewed the early-detection overview'),
  'early-warning.connectedness': l('Skattade elevens skolanknytning', "Rated a student's school connectedness"),
  'connectedness.write': l('Skattade elevens skolanknytning', "Rated a student's school connectedness"),
  'early-warning.models': l('Hanterade prognosmodellerna', 'Managed the prediction models'),
  'early-warning.settings': l('Hanterade inställningarna för tidig upptäckt', 'Managed the early-detection settings'),

  'interventions.read': l('Läste elevhälsans ärenden', 'Viewed student-health cases'),
  'interventions.write': l('Ändrade i elevhälsans ärenden', 'Changed student-health cases'),
  'interventions.cases': l('Läste listan över elevhälsoärenden', 'Viewed the list of student-health cases'),
  'interventions.case': l('Läste ett elevhälsoärende', 'Viewed a student-health case'),
  'interventions.case.open': l('Öppnade ett elevhälsoärende', 'Opened a student-health case'),
  'interventions.case.update': l('Ändrade ett elevhälsoärende', 'Changed a student-health case'),
  'interventions.intervention.add': l('Lade till en insats', 'Added an intervention'),
  'interventions.intervention.update': l('Ändrade en insats', 'Changed an intervention'),
  'interventions.follow-up.add': l('Lade till en uppföljning', 'Added a follow-up'),
  'interventions.follow-up.done': l('Markerade en uppföljning som gjord', 'Marked a follow-up as done'),
  'interventions.note.add': l('Skrev en anteckning i ett elevhälsoärende', 'Wrote a note in a student-health case'),
  'interventions.reminders': l('Läste påminnelser', 'Viewed reminders'),
  'interventions.responsibles': l('Läste listan över möjliga ansvariga', 'Viewed the list of possible responsibles'),
  'interventions.dashboard': l('Läste elevhälsans översikt', 'Viewed the student-health dashboard'),
  'follow-up.completion': l('Läste fullföljandet per årskull', 'Viewed completion by cohort'),
  'follow-up.goals': l('Läste målen för fullföljande', 'Viewed the completion goals'),
  'follow-up.goals.save': l('Ändrade målen för fullföljande', 'Changed the completion goals'),
  'follow-up.national': l('Läste jämförelsen med riket', 'Viewed the national comparison'),
  'follow-up.economics': l('Läste den ekonomiska modellen', 'Viewed the economic model'),
  'interventions.effect': l('Läste en insats effekt', "Viewed an intervention's effect"),
  'interventions.effects': l('Läste metodernas effekter', "Viewed the methods' effects"),
  'interventions.meetings': l('Läste elevhälsoteamets möten', 'Viewed the team meetings'),
  'interventions.meeting': l('Läste ett möte', 'Viewed a team meeting'),
  'interventions.meeting.create': l('Skapade ett möte', 'Created a team meeting'),
  'interventions.meeting.update': l('Ändrade ett möte', 'Changed a team meeting'),
  'interventions.notification': l('Läste en avisering', 'Opened a notification'),
  'interventions.settings': l('Hanterade elevhälsans inställningar', 'Managed the student-health settings'),
  'retention.access-log': l('Gallrade åtkomstloggen enligt huvudmannens regel', 'Deleted old access-log rows under the organiser’s rule'),
  'retention.settings': l('Hanterade gallringsreglerna', 'Managed the retention rules'),
  'interventions.action-programme.save': l('Sparade ett åtgärdsprogram', 'Saved an action programme'),
  'interventions.action-programme.pdf': l('Hämtade ett åtgärdsprogram (PDF)', 'Downloaded an action programme (PDF)'),
  'interventions.summary.pdf': l('Hämtade en sammanfattning av ett elevhälsoärende (PDF)', 'Downloaded a case summary (PDF)'),

  'people.lookup': l('Sökte en person på personnummer', 'Looked up a person by personnummer'),
  'access-log.read': l('Granskade åtkomstloggen', 'Reviewed the access log'),
  'access-log.export': l('Exporterade åtkomstloggen', 'Exported the access log'),
  'register-extract.create': l('Tog fram ett registerutdrag', 'Produced a register extract'),
  'register-extract.review': l('Sekretessprövade ett registerutdrag', 'Reviewed a register extract for secrecy'),
  'register-extract.secrecy-review': l('Läste sekretessprövningen av ett registerutdrag', "Viewed a register extract's secrecy review"),
  'register-extract.secrecy-decision': l('Beslutade i en sekretessprövning', 'Decided in a secrecy review'),

  'youth-register.read': l('Läste aktivitetsansvarets register', 'Viewed the activity-responsibility register'),
  'youth-register.write': l('Ändrade i aktivitetsansvarets register', 'Changed the activity-responsibility register'),
  'region.read': l('Läste regionens samlade siffror', "Viewed the region's aggregate figures"),
  'region-report.write': l('Ändrade regionens månadsrapport', "Changed the region's monthly report"),
  'region-report.read': l('Läste regionens månadsrapporter', "Viewed the region's monthly reports"),
  'implementation-plan.read': l('Läste implementeringsplanen', 'Viewed the implementation plan'),
  'implementation-plan.write': l('Ändrade implementeringsplanen', 'Changed the implementation plan'),
  'challenges.submit': l('Registrerade en utmaning', 'Recorded a challenge'),
  'events.manage': l('Ändrade regionens evenemang', "Changed the region's events"),
  'events.list': l('Läste regionens evenemang', "Viewed the region's events"),
  'events.write': l('Ändrade ett evenemang', 'Changed an event'),
  'events.signups': l('Läste anmälningar till ett evenemang', 'Viewed the sign-ups for an event'),
  'events.attendance': l('Markerade närvaro vid ett evenemang', 'Marked attendance at an event'),
  'kaa-notices.send': l('Skickade meddelanden till hemkommunen', 'Sent notices to the home municipality'),
  'youth-register.list': l('Läste målgruppen i aktivitetsansvaret', 'Viewed the activity-responsibility target group'),
  'youth-register.youth': l(
    'Läste en ung persons sida i aktivitetsansvaret',
    "Viewed a young person's page in the activity responsibility",
  ),
  'youth-register.contact-details': l('Ändrade en ung persons kontaktuppgifter', "Changed a young person's contact details"),
  'youth-register.contact.add': l('Registrerade en kontakt med en ung person', 'Recorded a contact with a young person'),
  'youth-register.occupation.add': l('Registrerade en ung persons sysselsättning', "Recorded a young person's occupation"),
  'youth-register.plan.save': l('Sparade en ung persons individuella plan', "Saved a young person's individual plan"),
  'youth-register.measure.open': l('Startade en insats i aktivitetsansvaret', 'Started a measure in the activity responsibility'),
  'youth-register.measure.update': l('Ändrade en insats i aktivitetsansvaret', 'Changed a measure in the activity responsibility'),
  'youth-register.measure.close': l('Avslutade en insats i aktivitetsansvaret', 'Closed a measure in the activity responsibility'),
  'youth-register.dismiss': l('Avförde en person som felaktigt fanns på listan', 'Dismissed a person wrongly on the list'),
  'youth-register.dismissal.revoke': l('Återkallade ett avförande från listan', 'Revoked a dismissal from the list'),
  'youth-register.completion.add': l('Registrerade en avslutad utbildning', 'Recorded completed education'),
  'youth-register.deregister': l(
    'Avregistrerade en ung person från aktivitetsansvaret',
    'Deregistered a young person from the activity responsibility',
  ),
  'youth-register.register': l(
    'Registrerade en ung person i aktivitetsansvaret för hand',
    'Registered a young person in the activity responsibility by hand',
  ),
  'youth-register.reminders': l('Läste påminnelser i aktivitetsansvaret', 'Viewed activity-responsibility reminders'),
  'youth-register.population.import': l('Läste in folkbokföringsuppgifter', 'Imported the population register extract'),
  'youth-register.population.imports': l('Läste inläsningar av folkbokföringsuppgifter', 'Viewed the population register imports'),
  'youth-register.notices': l('Läste meddelanden mellan huvudmän', 'Viewed notices between organisers'),
  'youth-register.notice.receipt': l('Kvitterade ett meddelande från en annan huvudman', 'Acknowledged a notice from another organiser'),
  'youth-register.notices.import': l(
    'Läste in en fil med meddelanden från andra huvudmän',
    'Imported a file of notices from other organisers',
  ),
  'youth-register.notices.receive': l('Tog emot meddelanden från en annan huvudman', 'Received notices from another organiser'),
  'kaa-notices.delivered': l('Lämnade meddelanden till elevens hemkommun', "Delivered notices to the students' home municipality"),
  'handovers.outgoing': l('Läste överlämningar att skicka', 'Viewed handovers to send'),
  'handovers.incoming': l('Läste mottagna överlämningar', 'Viewed received handovers'),
  'handovers.read': l('Läste en överlämning', 'Viewed a handover'),
  'handovers.save': l('Sparade en överlämning', 'Saved a handover'),
  'handovers.send': l('Skickade en överlämning', 'Sent a handover'),
  'handovers.delivered': l('Tog emot en överlämning från en annan skola', 'Received a handover from another school'),
  'handovers.confirm': l('Bekräftade mottagandet av en överlämning', 'Confirmed receipt of a handover'),
  'handovers.meeting': l('Skrev in ett övergångsmöte', 'Recorded a transition meeting'),
  'handovers.follow-up': l('Skrev in uppföljningen efter övergången', 'Recorded the follow-up after the transition'),
  'handovers.pdf': l('Skrev ut en överlämning (PDF)', 'Printed a handover (PDF)'),
  'handovers.receiving-units': l('Läste listan över mottagande skolenheter', 'Viewed the list of receiving school units'),
  'handovers.kaa.targets': l('Läste en ung persons skolor för överlämning', "Viewed a young person's schools for a handover"),
  'handovers.kaa.create': l('Gjorde en överlämning från aktivitetsansvaret', 'Made a handover from the activity responsibility'),
  'handovers.attachments': l('Läste en överlämnings bilagor', "Viewed a handover's attachments"),
  'handovers.attachment.add': l('Bifogade en fil till en överlämning', 'Attached a file to a handover'),
  'handovers.attachment.remove': l('Tog bort en bilaga från en överlämning', 'Removed an attachment from a handover'),
  'handovers.attachment.download': l('Hämtade en bilaga till en överlämning', 'Downloaded an attachment to a handover'),
  'handovers.grade-extract': l('Skrev ut ett utdrag ur betygskatalogen (PDF)', 'Printed an extract of the grade catalogue (PDF)'),
  'handovers.file.export': l('Exporterade en överlämning som fil', 'Exported a handover as a file'),
  'handovers.file.import': l('Läste in en överlämning från en fil', 'Imported a handover from a file'),
  'handovers.outside.options': l('Läste elever som lämnar skolenheten', 'Viewed the students leaving the school unit'),
  'handovers.outside.create': l('Gjorde en överlämning till en skola utanför Fullfölj', 'Made a handover to a school outside Fullfölj'),
  'handovers.receipt.export': l('Exporterade en kvittens på en överlämning', 'Exported a receipt for a handover'),
  'handovers.receipt.import': l('Läste in en kvittens på en överlämning', 'Imported a receipt for a handover'),
  'kaa-notices.list': l('Läste skickade meddelanden till hemkommuner', 'Viewed notices sent to home municipalities'),
  'kaa-notices.confirm': l('Bekräftade och skickade ett meddelande om frånvaro', 'Confirmed and sent a notice of absence'),
  'kaa-notices.export': l('Exporterade meddelanden till hemkommuner som fil', 'Exported notices to home municipalities as a file'),
  'kaa.report.preview': l(
    'Förhandsgranskade halvårsrapporten om aktivitetsansvaret',
    'Previewed the activity-responsibility half-year report',
  ),
  'kaa.report.export': l(
    'Exporterade halvårsrapporten om aktivitetsansvaret till SCB',
    'Exported the activity-responsibility half-year report for SCB',
  ),
  'kaa.letters.list': l(
    'Läste listan över kontaktbrev till nyregistrerade unga',
    'Viewed the list of contact letters to newly registered young people',
  ),
  'kaa.letters.pdf': l(
    'Skrev ut kontaktbrev till nyregistrerade unga (PDF)',
    'Printed contact letters to newly registered young people (PDF)',
  ),
  'handovers.write': l('Skrev en överlämning', 'Wrote a handover'),
  'statistics.read': l('Läste statistik', 'Viewed statistics'),
  'knowledge-bank.submit': l('Lämnade ett förslag till kunskapsbanken', 'Submitted a proposal to the knowledge bank'),
  'knowledge-bank.edit': l('Redigerade i kunskapsbanken', 'Edited the knowledge bank'),
  'knowledge-bank.moderate': l('Granskade förslag till kunskapsbanken', 'Moderated knowledge-bank proposals'),
  'users.manage': l('Hanterade användare', 'Managed users'),
  'settings.manage': l('Hanterade inställningar', 'Managed settings'),
};

const otherAction = l('Annan åtgärd', 'Other action');
const otherRole = l('Annan roll', 'Other role');

/** The phrase for an action code; an unknown code reads "Annan åtgärd". */
export function actionLabel(code: string): Label {
  return Object.hasOwn(actionLabels, code) ? actionLabels[code]! : otherAction;
}

/** The outcome as a person reads it: Tillåten / Nekad. */
export const outcomeLabels = { allowed: l('Tillåten', 'Allowed'), denied: l('Nekad', 'Denied') } as const satisfies Record<string, Label>;

/** A role's name (roles.ts); an unknown code reads "Annan roll". */
export function roleLabel(code: string): Label {
  return Object.hasOwn(roles, code) ? roles[code as keyof typeof roles].label : otherRole;
}
