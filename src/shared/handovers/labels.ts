/** Swedish and English labels of the handovers' codes: people never see a code. */
import type { Label } from '../contract/endpoint.ts';
import type { AdaptationOutcome, HandoverDirection, HandoverRoute, HandoverStatus, HandoverTrigger } from './codes.ts';

export const directionLabels: Record<HandoverDirection, Label> = {
  sent: { sv: 'Skickad', en: 'Sent' },
  received: { sv: 'Mottagen', en: 'Received' },
};

export const statusLabels: Record<HandoverStatus, Label> = {
  draft: { sv: 'Utkast', en: 'Draft' },
  'not-needed': { sv: 'Ingen överlämning behövs', en: 'No handover needed' },
  sent: { sv: 'Skickad, inte bekräftad', en: 'Sent, not confirmed' },
  confirmed: { sv: 'Mottagandet bekräftat', en: 'Receipt confirmed' },
};

export const routeLabels: Record<HandoverRoute, Label> = {
  'year9-to-upper-secondary': { sv: 'Årskurs 9 till gymnasiet', en: 'Year 9 to upper secondary' },
  'within-school-form': { sv: 'Byte av skolenhet inom skolformen', en: 'Change of school unit within the school form' },
  'between-school-forms': { sv: 'Byte av skolform', en: 'Change of school form' },
  'introduction-programme': { sv: 'Till eller från introduktionsprogram', en: 'To or from an introduction programme' },
  'kaa-to-school': { sv: 'Från aktivitetsansvaret till skolan', en: 'From the activity responsibility to school' },
};

export const triggerLabels: Record<HandoverTrigger, Label> = {
  support: { sv: 'Extra anpassningar eller annat stöd', en: 'Extra adaptations or other support' },
  'action-programme': { sv: 'Åtgärdsprogram', en: 'Action programme' },
  absence: { sv: 'Hög frånvaro senaste läsåret', en: 'High absence in the last school year' },
  'not-eligible': { sv: 'Inte behörig till nationellt program', en: 'Not eligible for a national programme' },
  'special-group': { sv: 'Särskild undervisningsgrupp', en: 'Special teaching group' },
  manual: { sv: 'Gjord av avlämnande skola', en: 'Made by the sending school' },
};

export const adaptationOutcomeLabels: Record<AdaptationOutcome, Label> = {
  yes: { sv: 'Ja, anpassningarna fortsatte', en: 'Yes, the adaptations continued' },
  partly: { sv: 'Delvis', en: 'Partly' },
  no: { sv: 'Nej', en: 'No' },
};
