/**
 * What a person reads for the KAA codes (codes.ts), in Swedish and English. The server prints them in letters and
 * reports, the web app shows them; a code missing here is a defect (labels.test.ts checks every list).
 */
import type { Label } from '../contract/endpoint.ts';
import type {
  kaaCompletionKinds,
  kaaContactKinds,
  kaaContactOutcomes,
  kaaCriteria,
  kaaDeregistrationReasons,
  kaaDismissalReasons,
  kaaEvidenceSources,
  kaaMeasureEndReasons,
  kaaMeasureKinds,
  kaaMeasureResponsibles,
  kaaMeasureStatuses,
  kaaNoticeChannels,
  kaaNoticeDirections,
  kaaNoticeKinds,
  kaaNoticeReasons,
  kaaNoticeStatuses,
  kaaOccupationKinds,
  kaaOccupationTimings,
  kaaRegistrationReasons,
  kaaReasonSources,
} from './codes.ts';

type Labels<T extends readonly string[]> = Readonly<Record<T[number], Label>>;
const l = (sv: string, en: string): Label => ({ sv, en });

export const criterionLabels: Labels<typeof kaaCriteria> = {
  'under-20': l('Är under 20 år', 'Is under 20'),
  'compulsory-done': l(
    'Har fullgjort skolplikten eller folkbokförts i Sverige efter skolpliktsåldern',
    'Has completed compulsory schooling or was registered in Sweden after compulsory-school age',
  ),
  'not-in-upper-secondary': l(
    'Går inte i gymnasieskola, anpassad gymnasieskola eller motsvarande',
    'Is not in upper-secondary school, adapted upper-secondary school or equivalent',
  ),
  'no-diploma': l('Har ingen gymnasieexamen', 'Has no upper-secondary diploma'),
  'no-special-certificate': l(
    'Har inget gymnasiebevis från anpassad gymnasieskola',
    'Has no certificate from adapted upper-secondary school',
  ),
  'no-equivalent': l(
    'Har inte fullföljt motsvarande utbildning med godkänt resultat',
    'Has not completed equivalent education with a pass',
  ),
};

export const evidenceSourceLabels: Labels<typeof kaaEvidenceSources> = {
  'population-file': l('Folkbokföringsuppgifter', 'Population register extract'),
  'own-enrolments': l('Kommunens egna inskrivningar', "The municipality's own enrolments"),
  'own-certificates': l('Kommunens egna examensbevis och studiebevis', "The municipality's own diplomas and certificates"),
  'notice-received': l('Meddelande från en annan huvudman', 'Notice from another organiser'),
  'completion-record': l('Registrerad avslutad utbildning', 'Recorded completed education'),
  manual: l('Handläggarens uppgift', "The officer's entry"),
};

export const registrationReasonLabels: Labels<typeof kaaRegistrationReasons> = {
  'dropout-national': l('Avbrott på nationellt program', 'Left a national programme'),
  'never-started': l('Har inte påbörjat gymnasieutbildning', 'Never started upper-secondary education'),
  studiebevis: l('Studiebevis utan gymnasieexamen', 'Certificate of studies without a diploma'),
  'moved-in-after-compulsory-age': l('Folkbokförd i Sverige efter skolpliktsåldern', 'Registered in Sweden after compulsory-school age'),
  'left-introduction': l('Avbrott på introduktionsprogram', 'Left an introduction programme'),
  other: l('Annan anledning', 'Other reason'),
};

export const deregistrationReasonLabels: Labels<typeof kaaDeregistrationReasons> = {
  'started-national': l('Har börjat på ett nationellt program eller motsvarande', 'Started a national programme or equivalent'),
  'started-introduction': l('Har börjat på ett introduktionsprogram', 'Started an introduction programme'),
  'completed-equivalent': l('Har fullföljt gymnasieutbildning eller motsvarande', 'Completed upper-secondary education or equivalent'),
  'turned-20': l('Har fyllt 20 år', 'Turned 20'),
  moved: l('Har flyttat från kommunen', 'Moved from the municipality'),
  emigrated: l('Har utvandrat', 'Emigrated'),
  deceased: l('Har avlidit', 'Deceased'),
  other: l('Annan anledning', 'Other reason'),
  dismissed: l('Felaktigt på listan (avförd av handläggare)', 'Wrongly on the list (dismissed by an officer)'),
};

export const reasonSourceLabels: Labels<typeof kaaReasonSources> = {
  automatic: l('Satt automatiskt från uppgifterna', 'Set automatically from the data'),
  manual: l('Satt av handläggare', 'Set by an officer'),
};

export const contactKindLabels: Labels<typeof kaaContactKinds> = {
  letter: l('Brev', 'Letter'),
  phone: l('Telefon', 'Phone'),
  sms: l('Sms', 'Text message'),
  email: l('E-post', 'E-mail'),
  'home-visit': l('Hembesök', 'Home visit'),
  meeting: l('Möte', 'Meeting'),
};

export const contactOutcomeLabels: Labels<typeof kaaContactOutcomes> = {
  reached: l('Kontakt etablerad', 'Contact made'),
  'not-reached': l('Nådde inte fram', 'Not reached'),
  declined: l('Avböjde kontakt', 'Declined contact'),
  'wrong-details': l('Felaktiga kontaktuppgifter', 'Wrong contact details'),
};

export const occupationTimingLabels: Labels<typeof kaaOccupationTimings> = {
  previous: l('Tidigare sysselsättning', 'Previous occupation'),
  current: l('Nuvarande sysselsättning', 'Current occupation'),
  planned: l('Planerad sysselsättning', 'Planned occupation'),
};

export const occupationKindLabels: Labels<typeof kaaOccupationKinds> = {
  'upper-secondary-national': l('Studier på nationellt program', 'Studies on a national programme'),
  'upper-secondary-introduction': l('Studier på introduktionsprogram', 'Studies on an introduction programme'),
  'adult-education': l('Kommunal vuxenutbildning', 'Municipal adult education'),
  'folk-high-school': l('Folkhögskola', 'Folk high school'),
  'other-studies': l('Andra studier', 'Other studies'),
  work: l('Arbete', 'Work'),
  'labour-market-programme': l('Arbetsmarknadsåtgärd', 'Labour-market programme'),
  leave: l('Ledig (t.ex. föräldraledig)', 'On leave (e.g. parental leave)'),
  none: l('Ingen sysselsättning', 'No occupation'),
  other: l('Annan sysselsättning', 'Other occupation'),
  unknown: l('Okänd sysselsättning', 'Occupation not known'),
};

export const measureKindLabels: Labels<typeof kaaMeasureKinds> = {
  guidance: l('Studie- och yrkesvägledning', 'Study and careers guidance'),
  motivational: l('Motiverande insats', 'Motivational measure'),
  internship: l('Praktik', 'Work placement'),
  'adult-education': l('Studier inom vuxenutbildningen', 'Studies in adult education'),
  'folk-high-school': l('Studier på folkhögskola', 'Studies at a folk high school'),
  'labour-market': l('Arbetsmarknadsinsats', 'Labour-market measure'),
  declined: l('Den unga tackade nej till insats', 'The young person declined a measure'),
  other: l('Annan insats', 'Other measure'),
};

export const measureResponsibleLabels: Labels<typeof kaaMeasureResponsibles> = {
  'young-person': l('Den unga', 'The young person'),
  municipality: l('Kommunen', 'The municipality'),
  'other-actor': l('Annan aktör', 'Another actor'),
};

export const measureStatusLabels: Labels<typeof kaaMeasureStatuses> = {
  open: l('Pågår', 'Ongoing'),
  closed: l('Avslutad', 'Closed'),
};

export const measureEndReasonLabels: Labels<typeof kaaMeasureEndReasons> = {
  completed: l('Genomförd enligt plan', 'Completed as planned'),
  'young-person-ended': l('Den unga avbröt', 'The young person stopped'),
  'started-education': l('Började studera', 'Started studying'),
  'started-work': l('Började arbeta', 'Started working'),
  moved: l('Flyttade', 'Moved'),
  'turned-20': l('Fyllde 20 år', 'Turned 20'),
  other: l('Annan anledning', 'Other reason'),
};

export const noticeKindLabels: Labels<typeof kaaNoticeKinds> = {
  start: l('Har börjat', 'Started'),
  end: l('Har slutat', 'Ended'),
  absence: l('Betydande frånvaro', 'Significant absence'),
};

export const noticeReasonLabels: Labels<typeof kaaNoticeReasons> = {
  'new-student': l('Ny elev', 'New student'),
  'changed-school': l('Byte av skola', 'Changed school'),
  completed: l('Avslutad utbildning', 'Completed education'),
  left: l('Avbrott', 'Left'),
  moved: l('Flytt', 'Moved'),
  'significant-absence': l('Frånvaro i betydande utsträckning utan giltigt skäl', 'Absent to a significant extent without valid reason'),
  other: l('Annat', 'Other'),
  studiebevis: l('Slutat med studiebevis', 'Left with a certificate of studies'),
};

export const noticeDirectionLabels: Labels<typeof kaaNoticeDirections> = {
  sent: l('Skickat', 'Sent'),
  received: l('Mottaget', 'Received'),
};

export const noticeChannelLabels: Labels<typeof kaaNoticeChannels> = {
  internal: l('Inom Fullfölj', 'Within Fullfölj'),
  file: l('Fil', 'File'),
};

export const noticeStatusLabels: Labels<typeof kaaNoticeStatuses> = {
  proposed: l('Förslag, väntar på rektor', 'Proposed, awaiting the principal'),
  sent: l('Skickat', 'Sent'),
  received: l('Mottaget', 'Received'),
  acknowledged: l('Kvitterat', 'Acknowledged'),
  withdrawn: l('Återkallat', 'Withdrawn'),
};

export const dismissalReasonLabels: Labels<typeof kaaDismissalReasons> = {
  'in-education-elsewhere': l('Studerar på annat håll', 'In education elsewhere'),
  'completed-elsewhere': l('Har redan fullföljt utbildning', 'Has already completed education'),
  'wrong-municipality': l('Bor inte i kommunen', 'Does not live in the municipality'),
  'compulsory-school-not-done': l('Går fortfarande i grundskolan', 'Still in compulsory school'),
  duplicate: l('Dubblett', 'Duplicate'),
  other: l('Annan anledning', 'Other reason'),
};

export const completionKindLabels: Labels<typeof kaaCompletionKinds> = {
  gymnasieexamen: l('Gymnasieexamen', 'Upper-secondary diploma'),
  gymnasiesarskolebevis: l('Gymnasiebevis från anpassad gymnasieskola', 'Certificate from adapted upper-secondary school'),
  'ib-diploma': l('IB-examen', 'IB diploma'),
  'foreign-diploma': l('Gymnasieexamen från utlandet', 'Upper-secondary diploma from abroad'),
  'folkhogskola-eligibility': l('Folkhögskola med grundläggande behörighet', 'Folk high school with basic eligibility'),
  'other-equivalent': l('Annan motsvarande utbildning', 'Other equivalent education'),
};
