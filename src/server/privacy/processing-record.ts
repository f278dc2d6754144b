/**
 * The record of processing activities (GDPR art. 30) as data: every table of the schema with its area, what it holds
 * and how long. `render.ts` turns it into docs/record-of-processing.md; `processing-record.test.ts` fails when a
 * table of the schema is missing here (or named here but gone), and when the document is not the rendering of this
 * file — so the record cannot drift from the code. Swedish, as the organiser publishes and keeps it.
 */

/** A processing activity: one purpose, per module. */
export interface Area {
  name: string;
  purpose: string;
  /** The legal basis (art. 6) and, where special categories occur, art. 9. */
  basis: string;
  subjects: string;
  recipients: string;
}

export const areas = {
  skoldata: {
    name: 'Elevuppgifter från skoladministrationen (SS 12000)',
    purpose:
      'Att ge personal med ett uppdrag (mentor, lärare, elevhälsa, rektor) de uppgifter om elevens skolgång som uppdraget kräver, som underlag för tidig upptäckt och uppföljning.',
    basis:
      'Art. 6.1 e (uppgift av allmänt intresse / myndighetsutövning: skollagen 2010:800, bl.a. 3 kap. om stöd, 2 kap. 25 § elevhälsa, 15 kap. 15 § och 29 kap. 9 § KAA).',
    subjects: 'Elever, deras vårdnadshavare, personal (lärare, mentorer).',
    recipients: 'Behörig personal hos huvudmannen, inom sitt uppdrag. Inga mottagare utanför huvudmannen.',
  },
  tidigUpptackt: {
    name: 'Tidig upptäckt',
    purpose: 'Att upptäcka elever som riskerar att inte fullfölja sin utbildning, med skäl, så att elevhälsan kan sätta in stöd i tid.',
    basis: 'Art. 6.1 e (skollagen 3 kap. 5–6 §§ extra anpassningar och särskilt stöd, 2 kap. 25 § elevhälsa).',
    subjects: 'Elever.',
    recipients: 'Elevhälsan, mentorn och rektorn för elevens skolenhet; analytiker endast aggregat med små tal dolda.',
  },
  insatser: {
    name: 'Elevhälsans ärenden och insatser',
    purpose: 'Att dokumentera, följa upp och utvärdera elevhälsans ärenden, insatser och åtgärdsprogram.',
    basis:
      'Art. 6.1 c och e (skollagen 3 kap. 7–12 §§ åtgärdsprogram, 2 kap. 25 §); art. 9.2 g och h för uppgifter om hälsa i känsliga anteckningar (offentlighets- och sekretesslagen 23 kap. 2 §).',
    subjects: 'Elever; personal som ansvarar för insatser.',
    recipients: 'Elevhälsan och ansvarig personal inom skolenheten; känsliga anteckningar endast elevhälsans roller.',
  },
  kaa: {
    name: 'Kommunala aktivitetsansvaret (KAA)',
    purpose:
      'Att hålla det register kommunen ska föra över ungdomar 16–19 år som inte genomför eller har fullföljt gymnasieutbildning, och erbjuda dem åtgärder.',
    basis: 'Art. 6.1 c och e (skollagen 29 kap. 9 §, förordning 2015:482 om kommunernas aktivitetsansvar).',
    subjects: 'Ungdomar 16–19 år folkbokförda i kommunen; handläggare.',
    recipients: 'KAA-handläggare i hemkommunen; underrättelser till och från andra huvudmän enligt skollagen 15 kap. 15 §.',
  },
  uppfoljning: {
    name: 'Uppföljning av fullföljda studier',
    purpose: 'Att följa andelen som fullföljer mot huvudmannens mål; endast aggregat.',
    basis: 'Art. 6.1 e (skollagen 4 kap. systematiskt kvalitetsarbete).',
    subjects: 'Inga enskilda: aggregerade tal och Koladas öppna nyckeltal.',
    recipients: 'Huvudmannens analytiker och ledning; öppna nyckeltal är offentliga.',
  },
  atkomst: {
    name: 'Behörighet, inloggning och åtkomstlogg',
    purpose:
      'Att bara behöriga når uppgifterna och att varje läsning och nekad åtkomst kan följas upp (art. 32, skollagen, OSL); registerutdrag enligt art. 15.',
    basis: 'Art. 6.1 c (art. 32 säkerhet, art. 5.2 ansvarsskyldighet) och e.',
    subjects: 'Användare (personal); elever och andra vars uppgifter lästes (deras id i loggen).',
    recipients: 'Administratör och dataskyddsombud hos huvudmannen.',
  },
  kunskapsbank: {
    name: 'Kunskapsbanken',
    purpose: 'Att publicera metoder och goda exempel för fullföljda studier; offentlig.',
    basis: 'Art. 6.1 e; kontaktuppgifter till personal i tjänsten publiceras med deras kännedom.',
    subjects: 'Redaktörer och personal som kontaktpersoner; inga elever.',
    recipients: 'Allmänheten (publicerade poster).',
  },
  natverk: {
    name: 'Regionens nätverk: evenemang, utmaningar och implementeringsplaner',
    purpose:
      'Att anordna nätverksträffar, konferenser, webbinarier och utbildningar och räkna deltagandet per huvudman och roll; att samla huvudmännens utmaningar och självskattningar för nodens planering.',
    basis: 'Art. 6.1 e (skollagen 4 kap. systematiskt kvalitetsarbete; regionens utvecklingsuppdrag); anmälan lämnas av deltagaren själv.',
    subjects: 'Deltagare i evenemang (namn, organisation, e-post); personal som registrerar utmaningar och planer; inga elever.',
    recipients: 'Nodens samordnare; publicerade utmaningar och evenemang är offentliga, anmälningar aldrig.',
  },
  overlamning: {
    name: 'Överlämning mellan skolenheter och skolformer',
    purpose:
      'Att lämna över de uppgifter som behövs för att underlätta elevens övergång till den skolenhet som har placerat eller antagit eleven, och att den mottagande skolenheten bekräftar mottagandet (docs/handovers.md).',
    basis:
      'Art. 6.1 c och e (skollagen 3 kap. 12 j §, gymnasieförordningen 8 kap. 9 §); uppgifter utöver de pedagogiska endast med samtycke, som registreras i överlämningen.',
    subjects: 'Elever som byter skolenhet eller skolform; unga i KAA-registret som skrivs in i en skola.',
    recipients:
      'Den mottagande skolenhetens rektor, mentor och elevhälsa — också hos en annan huvudman i installationen, eller som fil till en skola utanför den. Aldrig till en skola som ännu inte placerat eller antagit eleven.',
  },
  referens: {
    name: 'Referensdata och drift',
    purpose: 'Kommuner, huvudmän och importkörningar: ingen personuppgift utöver vem som utförde en import.',
    basis: '—',
    subjects: 'Inga (importfel anger aldrig ett värde).',
    recipients: 'Administratör.',
  },
} satisfies Record<string, Area>;

export type AreaKey = keyof typeof areas;

export interface TableEntry {
  area: AreaKey;
  /** The categories of personal data (or "ingen personuppgift"). */
  data: string;
  /** How long rows stay, as the code and the configured rules keep them. */
  retention: string;
}

/** As long as the organiser's source (the school administration system) delivers it; deleted with the source. */
const asSource = 'Så länge huvudmannens källsystem levererar uppgiften (importen tar bort det som källan tagit bort).';
const withCase = 'Som ärendet: gallras med det enligt huvudmannens regel (`intervention_settings.retention_years`).';
const kaaRule =
  'Enligt kommunens gallringsregel för KAA-registret, räknat från ungdomens 20-årsdag (inte medan en registrering är öppen); utan regel sparas uppgifterna (docs/retention.md).';
const earlyWarningRule = 'Enligt huvudmannens gallringsregel för tidig upptäckt; utan regel sparas de (docs/retention.md).';
const leaverRule = `Så länge huvudmannens källsystem levererar uppgiften; när eleven slutat gallras den enligt huvudmannens regel för närvaro och betyg (docs/retention.md).`;
const untilChanged = 'Tills den ändras (inställning).';

const handoverRule =
  'Gallras enligt huvudmannens regel (gallringsregeln Överlämningar mellan skolor) räknat från elevens start vid den mottagande skolenheten; utan regel sparas de.';

export const tables: Record<string, TableEntry> = {
  handovers: {
    area: 'overlamning',
    data: 'Namn, personnummer, skyddad identitet, skolenheter, stöd och åtgärdsprogram, frånvaro, indikatorer, betyg, språk, kontakter eleven vill föra vidare, samtycke, kvittens, övergångsmöte och uppföljning',
    retention: handoverRule,
  },
  handover_attachments: {
    area: 'overlamning',
    data: 'Filer som avlämnande skola bifogat en överlämning (PDF eller bild, till exempel åtgärdsprogram), vem som bifogade dem',
    retention: `Som överlämningen: ${handoverRule.charAt(0).toLowerCase()}${handoverRule.slice(1)}`,
  },
  handover_settings: {
    area: 'overlamning',
    data: 'Ingen personuppgift (frånvarogräns, tidsfrist för kvittens)',
    retention: untilChanged,
  },
  persons: {
    area: 'skoldata',
    data: 'Namn, personnummer, födelsedatum, kön, skyddad identitet, hemkommun, kontaktuppgifter',
    retention: asSource,
  },
  person_responsibles: { area: 'skoldata', data: 'Koppling elev–vårdnadshavare', retention: asSource },
  enrolments: { area: 'skoldata', data: 'Inskrivning: skolenhet, skolform, årskurs, program, datum', retention: asSource },
  organisations: { area: 'skoldata', data: 'Ingen personuppgift (skolenheter)', retention: asSource },
  programmes: { area: 'skoldata', data: 'Ingen personuppgift (program)', retention: asSource },
  syllabuses: { area: 'skoldata', data: 'Ingen personuppgift (ämnen och kurser)', retention: asSource },
  groups: { area: 'skoldata', data: 'Ingen personuppgift (grupper)', retention: asSource },
  group_memberships: { area: 'skoldata', data: 'Elevers och personals gruppmedlemskap', retention: asSource },
  duties: { area: 'skoldata', data: 'Personals tjänstgöring: roll, signatur, skolenhet', retention: asSource },
  duty_assignments: { area: 'skoldata', data: 'Personals uppdrag för grupper (mentor)', retention: asSource },
  activities: { area: 'skoldata', data: 'Ingen personuppgift (undervisning)', retention: asSource },
  activity_groups: { area: 'skoldata', data: 'Ingen personuppgift', retention: asSource },
  activity_teachers: { area: 'skoldata', data: 'Lärare per undervisning', retention: asSource },
  calendar_events: { area: 'skoldata', data: 'Ingen personuppgift (lektioner)', retention: asSource },
  attendances: { area: 'skoldata', data: 'Närvaro och frånvaro per lektion, frånvaroorsak', retention: leaverRule },
  aggregated_attendances: { area: 'skoldata', data: 'Summerad närvaro och frånvaro per period', retention: leaverRule },
  grades: { area: 'skoldata', data: 'Betyg, kommentar, vem som registrerade', retention: leaverRule },
  certificates: { area: 'skoldata', data: 'Examen och gymnasiebehörighet', retention: asSource },
  indicator_episodes: {
    area: 'tidigUpptackt',
    data: 'Indikatorer (frånvaro, betyg, övergångar) med start och värde',
    retention: `Räknas om varje natt; avslutade episoder: ${earlyWarningRule}`,
  },
  student_risk: {
    area: 'tidigUpptackt',
    data: 'Stödnivå, sannolikhet med osäkerhet, skäl, sammanfattande mått (närvaro, underkända betyg och poäng)',
    retention: 'Skrivs över varje natt (nuläget); historiken i `student_risk_history`.',
  },
  student_risk_history: {
    area: 'tidigUpptackt',
    data: 'Veckovis stödnivå, sannolikhet och närvaro',
    retention: earlyWarningRule,
  },
  early_warning_changes: {
    area: 'tidigUpptackt',
    data: 'Vilka elevers underlag (närvaro, betyg, inskrivning) som ändrats sedan senaste omräkningen',
    retention: 'Töms vid varje omräkning av tidig upptäckt.',
  },
  connectedness_ratings: {
    area: 'tidigUpptackt',
    data: 'Personals skattning av elevens skolanknytning',
    retention: earlyWarningRule,
  },
  early_warning_settings: { area: 'tidigUpptackt', data: 'Ingen personuppgift (trösklar); vem som ändrade', retention: untilChanged },
  risk_models: {
    area: 'tidigUpptackt',
    data: 'Modellens parametrar och utvärdering (aggregat, inga elever); vem som aktiverade',
    retention: 'Versioner sparas för spårbarhet.',
  },
  cases: { area: 'insatser', data: 'Ärende: elev, skäl, nivå, ansvarig, stödnivå vid öppnandet, avslut', retention: withCase },
  case_interventions: { area: 'insatser', data: 'Insatser: mål, åtgärder, ansvarig, utvärdering, utfall', retention: withCase },
  intervention_follow_ups: { area: 'insatser', data: 'Uppföljningar: datum, ansvarig, anteckning', retention: withCase },
  case_notes: { area: 'insatser', data: 'Anteckningar, varav känsliga (hälsa, sociala förhållanden)', retention: withCase },
  case_events: { area: 'insatser', data: 'Ärendets historik: vem ändrade vad och när', retention: withCase },
  action_programmes: {
    area: 'insatser',
    data: 'Åtgärdsprogram: behov, elevens och vårdnadshavarnas synpunkter, beslut',
    retention: withCase,
  },
  team_meetings: {
    area: 'insatser',
    data: 'Elevhälsomöten: dagordning, protokoll, deltagare',
    retention: 'Enligt huvudmannens regel för elevhälsoteamets möten, räknat från mötets dag (docs/retention.md); utan regel sparas de.',
  },
  intervention_settings: { area: 'insatser', data: 'Ingen personuppgift (gallringsregel för ärenden)', retention: untilChanged },
  notifications: {
    area: 'insatser',
    data: 'Påminnelser till personal (id, inga namn)',
    retention: 'Enligt huvudmannens regel för påminnelser; standard 90 dagar efter påminnelsens dag (docs/retention.md).',
  },
  kaa_population_imports: { area: 'kaa', data: 'Inläsningar av folkbokföringsunderlag: antal, vem', retention: kaaRule },
  kaa_population: { area: 'kaa', data: 'Folkbokförda 16–19 år: namn, personnummer, adress, skyddad identitet', retention: kaaRule },
  kaa_youth: { area: 'kaa', data: 'Ungdomar i KAA: namn, personnummer, kontaktuppgifter, skyddad identitet', retention: kaaRule },
  kaa_registrations: { area: 'kaa', data: 'Registrering och avregistrering med skäl', retention: kaaRule },
  kaa_dismissals: { area: 'kaa', data: 'Avskrivningar med skäl', retention: kaaRule },
  kaa_completions: { area: 'kaa', data: 'Avslut (studier, arbete)', retention: kaaRule },
  kaa_contacts: { area: 'kaa', data: 'Kontakter med ungdomen och utfall', retention: kaaRule },
  kaa_occupations: { area: 'kaa', data: 'Sysselsättning', retention: kaaRule },
  kaa_plans: { area: 'kaa', data: 'Individuell plan', retention: kaaRule },
  kaa_measures: { area: 'kaa', data: 'Åtgärder och utfall', retention: kaaRule },
  kaa_notices: {
    area: 'kaa',
    data: 'Underrättelser mellan huvudmän: namn, personnummer, skola, program, händelse',
    retention: kaaRule,
  },
  network_events: { area: 'natverk', data: 'Ingen personuppgift (evenemang; vem som lade upp det)', retention: 'Tills vidare.' },
  event_signups: {
    area: 'natverk',
    data: 'Namn, e-post, organisation och roll för den som anmält sig, och om personen deltog',
    retention:
      'Namn, e-post och organisationens namn raderas 30 dagar efter evenemanget (`fullfolj events prune`, inställbart); huvudman, roll och närvaro behålls för deltagarantalen.',
  },
  challenges: { area: 'natverk', data: 'Ingen personuppgift (utmaningar; vem som registrerade och granskade)', retention: 'Tills vidare.' },
  implementation_plan_answers: { area: 'natverk', data: 'Ingen personuppgift (självskattning; vem som ändrade)', retention: untilChanged },
  implementation_plan_actions: { area: 'natverk', data: 'Åtgärder med ansvarig (funktion eller namn) och datum', retention: untilChanged },
  follow_up_goals: { area: 'uppfoljning', data: 'Ingen personuppgift (mål)', retention: untilChanged },
  follow_up_region_goals: { area: 'uppfoljning', data: 'Ingen personuppgift (regionens mål); vem som ändrade', retention: untilChanged },
  kolada_values: { area: 'uppfoljning', data: 'Ingen personuppgift (öppna nyckeltal)', retention: 'Skrivs över vid nästa hämtning.' },
  kolada_fetches: { area: 'uppfoljning', data: 'Ingen personuppgift (hämtningar)', retention: 'Tills vidare.' },
  accounts: {
    area: 'atkomst',
    data: 'Användarnamn, namn, lösenordshash, OIDC-identitet',
    retention: 'Så länge kontot behövs; inaktiveras av administratören.',
  },
  sessions: {
    area: 'atkomst',
    data: 'Sessioner (hash av nyckeln), tider',
    retention: 'Upphör efter 30 min inaktivitet / 12 h (`FULLFOLJ_SESSION_*`).',
  },
  sign_in_failures: {
    area: 'atkomst',
    data: 'sha256 av användarnamn och IP, antal misslyckanden',
    retention: 'Ett dygn efter senaste misslyckandet; högst 10 000 rader.',
  },
  role_assignments: { area: 'atkomst', data: 'Roller och omfattning per konto', retention: 'Så länge uppdraget finns.' },
  job_runs: {
    area: 'referens',
    data: 'Ingen personuppgift (nattliga jobbs körningar: tider, utfall, antal per regel och huvudman)',
    retention: 'Tills vidare (några rader per natt).',
  },
  data_versions: {
    area: 'atkomst',
    data: 'Ingen personuppgift (huvudmannens dataversion: ett slumpat id som förnyas när elevuppgifter ändras)',
    retention: 'En rad per huvudman, skrivs över vid varje ändring.',
  },
  data_versions_pending: {
    area: 'atkomst',
    data: 'Ingen personuppgift (vilka huvudmän en pågående transaktion ändrat)',
    retention: 'Töms när transaktionen avslutas.',
  },
  retention_rules: { area: 'atkomst', data: 'Ingen personuppgift (gallringsregler); vem som ändrade', retention: untilChanged },
  access_log: {
    area: 'atkomst',
    data: 'Vem läste vad (id), roll, enhet, syfte, utfall, tid, IP',
    retention:
      'Endast tillägg i databasen; gallras bara enligt huvudmannens regel, aldrig rader yngre än ett år, och gallringen skrivs själv i loggen (docs/retention.md).',
  },
  secrecy_decisions: {
    area: 'atkomst',
    data: 'Dataskyddsombudets sekretessbeslut i registerutdrag',
    retention: 'Som registerutdraget (arkivregler).',
  },
  knowledge_records: {
    area: 'kunskapsbank',
    data: 'Publicerade poster; kontaktperson i tjänsten',
    retention: 'Granskas var 12:e månad; tas bort av redaktör.',
  },
  knowledge_revisions: { area: 'kunskapsbank', data: 'Förslag och granskningar; vem', retention: 'Som posten.' },
  knowledge_comments: { area: 'kunskapsbank', data: 'Kommentarer; vem', retention: 'Som posten.' },
  knowledge_links: { area: 'kunskapsbank', data: 'Ingen personuppgift', retention: 'Som posten.' },
  municipalities: { area: 'referens', data: 'Ingen personuppgift', retention: 'Referensdata.' },
  organisers: { area: 'referens', data: 'Ingen personuppgift (huvudmän)', retention: 'Referensdata.' },
  regions: { area: 'referens', data: 'Ingen personuppgift (regioner och delregioner)', retention: 'Referensdata.' },
  region_municipalities: { area: 'referens', data: 'Ingen personuppgift (regionernas kommuner)', retention: 'Referensdata.' },
  region_reports: {
    area: 'referens',
    data: 'Ingen personuppgift (regionens månadsrapporter: aggregat med små tal dolda, kommentar); vem som publicerade',
    retention: 'Publicerade versioner sparas; utkastet skrivs över.',
  },
  import_runs: { area: 'referens', data: 'Importkörningar: antal, tider', retention: 'Tills vidare.' },
  import_errors: { area: 'referens', data: 'Avvisade dokument: id, fält, regel — aldrig värdet', retention: 'Tills vidare.' },
};
