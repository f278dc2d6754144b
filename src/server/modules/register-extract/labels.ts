/**
 * Swedish labels for the codes the register extract meets, so that a person reads "Gymnasieskola", "Pågår" or
 * "Nekad åtkomst" — never `GY`, `in-progress` or `denied`. Codes missing here print as "Annat" (format.ts `label`).
 */
import { roles, type Role } from '../../../shared/access/roles.ts';

export const schoolTypes: Record<string, string> = {
  FS: 'Förskola',
  FKLASS: 'Förskoleklass',
  FTH: 'Fritidshem',
  OPPFTH: 'Öppen fritidsverksamhet',
  GR: 'Grundskola',
  GRS: 'Anpassad grundskola',
  TR: 'Träningsskola',
  SP: 'Specialskola',
  SAM: 'Sameskola',
  GY: 'Gymnasieskola',
  GYS: 'Anpassad gymnasieskola',
  VUX: 'Kommunal vuxenutbildning',
  VUXSFI: 'Svenska för invandrare',
  VUXGR: 'Vuxenutbildning på grundläggande nivå',
  VUXGY: 'Vuxenutbildning på gymnasial nivå',
  VUXSARGR: 'Anpassad vuxenutbildning på grundläggande nivå',
  VUXSARGY: 'Anpassad vuxenutbildning på gymnasial nivå',
  SFI: 'Svenska för invandrare',
  YH: 'Yrkeshögskola',
  FHS: 'Folkhögskola',
};

export const sexes: Record<string, string> = { Man: 'Man', Kvinna: 'Kvinna', Okänt: 'Okänt' };
export const securityMarkings: Record<string, string> = {
  Ingen: 'Ingen',
  Sekretessmarkering: 'Sekretessmarkering',
  'Skyddad folkbokföring': 'Skyddad folkbokföring',
};
export const personStatuses: Record<string, string> = { Aktiv: 'Aktiv', Utvandrad: 'Utvandrad', Avliden: 'Avliden' };
export const civicNoKinds: Record<string, string> = {
  personnummer: 'Personnummer',
  samordningsnummer: 'Samordningsnummer',
  temporary: 'Tillfälligt nummer',
};

export const certificateKinds: Record<string, string> = {
  gymnasieexamen: 'Gymnasieexamen',
  studiebevis: 'Studiebevis',
  'slutbetyg-grundskola': 'Slutbetyg från grundskolan',
  gymnasiesarskolebevis: 'Gymnasiesärskolebevis',
};

export const tiers: Record<string, string> = { 1: 'Ordinarie stöd', 2: 'Extra uppmärksamhet', 3: 'Samordnat stöd' };
export const indicators: Record<string, string> = {
  attendance: 'Låg närvaro',
  'valid-absence': 'Hög giltig frånvaro',
  'csn-invalid-absence': 'Ogiltig frånvaro över CSN-gränsen',
  'long-absence': 'Långvarig frånvaro',
  'falling-attendance': 'Sjunkande närvaro',
  'failed-grades': 'F eller streck',
  'fail-warnings': 'Varning för F',
  'points-at-risk': 'Poäng i fara för examen',
  eligibility: 'Inte på väg mot behörighet',
  'programme-change': 'Programbyte',
  'school-change': 'Skolbyte',
  introduction: 'Introduktionsprogram',
  'newly-arrived': 'Nyanländ',
  connectedness: 'Svag skolanknytning',
};
export const severities: Record<string, string> = { caution: 'Uppmärksamma', flag: 'Flagga', severe: 'Allvarlig' };
export const episodeStatuses: Record<string, string> = { active: 'Pågår', resolved: 'Upphört' };
export const dataStatuses: Record<string, string> = { ok: 'Tillräckligt underlag', insufficient: 'Otillräckligt underlag' };
export const connectednessLevels: Record<string, string> = { green: 'Grön', yellow: 'Gul', red: 'Röd' };

export const caseStatuses: Record<string, string> = {
  opened: 'Öppnat',
  planned: 'Planerat',
  'in-progress': 'Pågår',
  'follow-up': 'Uppföljning',
  closed: 'Avslutat',
};
export const workLevels: Record<string, string> = { promoting: 'Främjande', preventing: 'Förebyggande', remedying: 'Åtgärdande' };
export const openedFrom: Record<string, string> = { flag: 'Från en flagga i tidig upptäckt', manual: 'Manuellt' };
export const closingReasons: Record<string, string> = {
  'goals-met': 'Målen är nådda',
  'other-support': 'Annat stöd tar över',
  moved: 'Eleven har flyttat',
  declined: 'Eleven eller vårdnadshavarna tackade nej',
  'no-longer-needed': 'Stödet behövs inte längre',
  other: 'Annat',
};
export const interventionStatuses: Record<string, string> = {
  planned: 'Planerad',
  active: 'Pågår',
  completed: 'Avslutad',
  stopped: 'Avbruten',
};
export const outcomes: Record<string, string> = { improved: 'Bättre', unchanged: 'Oförändrat', worse: 'Sämre' };
export const caseEventKinds: Record<string, string> = {
  'case-opened': 'Ärendet öppnades',
  'case-updated': 'Ärendet ändrades',
  'case-closed': 'Ärendet avslutades',
  'case-reopened': 'Ärendet öppnades igen',
  'intervention-added': 'En insats lades till',
  'intervention-updated': 'En insats ändrades',
  'follow-up-added': 'En uppföljning lades till',
  'follow-up-done': 'En uppföljning gjordes',
  'note-added': 'En anteckning lades till',
  'action-programme-saved': 'Åtgärdsprogrammet sparades',
};
/** Swedish names of the fields a case event changed. */
export const caseFieldNames: Record<string, string> = {
  status: 'status',
  level: 'nivå',
  reason: 'anledning',
  openedFrom: 'öppnat från',
  responsibleId: 'ansvarig',
  teamIds: 'team',
  schoolUnitId: 'skolenhet',
  closedOn: 'avslutat',
  closingReason: 'skäl',
  closingNote: 'kommentar',
  title: 'insats',
  methodId: 'metod',
  goal: 'mål',
  actions: 'åtgärder',
  startDate: 'start',
  endDate: 'slut',
  followUpDates: 'uppföljningsdatum',
  interventionId: 'insats',
  dueOn: 'uppföljningsdatum',
  doneOn: 'gjord',
  note: 'iakttagelse',
  sensitive: 'känslig',
  evaluation: 'utvärdering',
  outcome: 'resultat',
  needs: 'behov',
  studentViews: 'elevens synpunkter',
  guardianViews: 'vårdnadshavarnas synpunkter',
  decidedOn: 'beslutsdatum',
  decidedBy: 'beslutat av',
  evaluationOn: 'utvärderingsdatum',
  tierAtOpening: 'stödnivå vid öppnandet',
  indicatorsAtOpening: 'indikatorer vid öppnandet',
};

export const revisionStatuses: Record<string, string> = {
  pending: 'Väntar på granskning',
  approved: 'Godkänt',
  rejected: 'Avslaget',
  withdrawn: 'Återkallat',
};

/** A role's Swedish name. */
export const roleLabel = (role: string): string => (role in roles ? roles[role as Role].label.sv : 'Annan roll');

/** What an access-log action means, in Swedish; by area when the action itself is not listed. */
const actions: Record<string, string> = {
  'students.list': 'Elevlistan',
  'students.read': 'Elevens sida',
  'students.filters': 'Elevlistans urval',
  'contact.read': 'Kontaktuppgifter',
  'attendance.read': 'Närvaro',
  'grades.read': 'Betyg',
  'early-warning.read': 'Tidig upptäckt',
  'early-warning.student': 'Tidig upptäckt för eleven',
  'early-warning.worklist': 'Arbetslistan i tidig upptäckt',
  'early-warning.overview': 'Översikten i tidig upptäckt',
  'early-warning.connectedness': 'Skattning av skolanknytning',
  'connectedness.write': 'Skattning av skolanknytning',
  'interventions.case': 'Elevhälsoärende',
  'interventions.cases': 'Lista över elevhälsoärenden',
  'interventions.case.update': 'Ändring av elevhälsoärende',
  'interventions.note.add': 'Ny anteckning i elevhälsoärende',
  'interventions.summary.pdf': 'Sammanfattning av elevhälsoärende (PDF)',
  'interventions.action-programme.pdf': 'Åtgärdsprogram (PDF)',
  'interventions.action-programme.save': 'Åtgärdsprogram sparades',
  'people.lookup': 'Sökning på personnummer',
  'access-log.read': 'Granskning av åtkomstloggen',
  'access-log.export': 'Export av åtkomstloggen',
  'register-extract.create': 'Registerutdrag',
  'register-extract.review': 'Sekretessprövning av registerutdrag',
  'register-extract.secrecy-review': 'Sekretessprövning av registerutdrag',
  'register-extract.secrecy-decision': 'Beslut i sekretessprövning',
  'youth-register.read': 'Aktivitetsansvarets register',
  'handovers.read': 'Överlämning',
  'statistics.read': 'Statistik',
};
const areas: Record<string, string> = {
  students: 'Elevuppgifter',
  'early-warning': 'Tidig upptäckt',
  interventions: 'Elevhälsans ärenden och insatser',
  'access-log': 'Åtkomstloggen',
  'register-extract': 'Registerutdrag',
  auth: 'Inloggning',
  'youth-register': 'Aktivitetsansvarets register',
  handovers: 'Överlämning',
};
export const actionLabel = (action: string): string => actions[action] ?? areas[action.split('.')[0] ?? ''] ?? 'Annan åtgärd';

export const outcomeLabels: Record<string, string> = { allowed: 'Åtkomst', denied: 'Nekad åtkomst' };
