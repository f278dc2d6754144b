/**
 * The knowledge bank's seed content (issue #6, item 6): real initiatives, each said in our own short words from
 * the public pages in its `sources`. Nothing is filled in that a source does not say: no costs, contacts or
 * outcomes of our own; a field without a source stays empty. Where no public page was found (the Plug In
 * workshops in Kalmar län, the SKIA network) the record says only what the Fullfölj issue's seed list says,
 * names that list as its source in the description (the submission schema takes only http(s) sources), and has
 * `lastReviewedOn` null, so it is first among the records due for review; a record without any public source URL
 * (SKIA) is a draft, not published, until an editor has checked it. National programmes (Plug In, SKR's Fullföljd
 * utbildning) and the Kalmarsund federation's workshop name no municipality in their sources, so they have none
 * (the submission schema asks an example for one: an editor adds it when known).
 * `reviewedOn` below is the date the sourced records were checked against their pages.
 */
import type { Contact, Evidence, Place, Source } from '../../server/db/schema/knowledge-bank.ts';
import { municipalityPlace, municipalityPlaces, skaraborg } from './seed-places.ts';

export interface SeedRecord {
  slug: string;
  kind: 'example' | 'method';
  nameSv: string;
  nameEn: string;
  summarySv: string;
  summaryEn: string;
  descriptionSv: string;
  municipalityCodes: string[];
  places: Place[];
  organisation: string | null;
  focusAreas: ('mental-health' | 'parents' | 'reading-language' | 'motivation')[];
  subChallenges: string[];
  ageGroups: ('preschool' | 'f-3' | '4-6' | '7-9' | 'upper-secondary')[];
  targetGroup: string | null;
  preventionLevel: 'universal' | 'targeted' | 'indicated' | null;
  levels: ('promoting' | 'preventing' | 'remedying')[];
  plugInFactors: string[];
  periodStart: string | null;
  periodEnd: string | null;
  activityStatus: 'planned' | 'ongoing' | 'completed' | null;
  costPerParticipant: number | null;
  outcomesMeasured: string | null;
  evidence: Evidence | null;
  sources: Source[];
  contact: Contact | null;
  lastReviewedOn: string | null;
  status: 'published' | 'draft';
  /** Slugs of the methods this example uses, only where a source says so. */
  methods: string[];
}

const reviewedOn = '2026-11-30';
/** How an unsourced record names where it comes from (the submission schema takes only http(s) sources). */
const issueSeedList = 'Källa: Fullfölj issue #6 seed list (ingen publik källa hittades; väntar på redaktörens granskning).';

const src = {
  plugInSkr: {
    title: 'SKR: Plug In minskar studieavbrotten på gymnasiet',
    url: 'https://skr.se/skr/skolakulturfritid/forskolagrundochgymnasieskolakomvux/fullfoljdutbildning/pluginminskarstudieavbrottenpagymnasiet.2132.html',
  },
  plugInProject: {
    title: 'SKR: Plug In – Sveriges största samverkansprojekt för att motverka studieavbrott',
    url: 'https://skr.se/skr/skolakulturfritid/forskolagrundochgymnasieskolakomvux/fullfoljdutbildning/pluginminskarstudieavbrottenpagymnasiet/plugin.8701.html',
  },
  plugIn20: { title: 'PlugInnovation: Om Plug In 2.0', url: 'https://pluginnovation.se/om-plug/' },
  plugInFactors: { title: 'Utbildning Skaraborg: Plug In', url: 'https://utbildningskaraborg.se/sv/skolpersonal/projekt/plug-in/' },
  plugInCoaches: {
    title: 'NVL: Fortsatt satsning mot avbrott från gymnasieskolan',
    url: 'https://nvl.org/Content/Fortsatt-satsning-mot-avbrott-fran-gymnasieskolan',
  },
  fullfoljda: {
    title: 'Skaraborgs Kommunalförbund: Fullföljda studier – en social investering för stärkt tillväxt i Skaraborg',
    url: 'https://skaraborg.se/Nyheter-Startsida/fullfoljda-studier1/',
  },
  kommunalforbundet: { title: 'Skaraborgs Kommunalförbund: Om oss', url: 'https://skaraborg.se/Om-oss1/' },
  fullfoljda20: {
    title: 'Skaraborgs Kommunalförbund: Fullföljda studier Skaraborg 2.0',
    url: 'https://skaraborg.se/pagaende-projekt/avslutade-projekt/fullfoljda-studier-2.0/',
  },
  nod: {
    title: 'Skaraborgs Kommunalförbund: Kunskapsnod Fullföljda studier',
    url: 'https://www.skaraborg.se/pagaende-projekt/pagaende-projekt/kunskapsnod-fullfoljda-studier/',
  },
  noder: {
    title: 'Västra Götalandsregionen: Delregionala kunskapsnoder för fullföljda studier',
    url: 'http://hh.vgregion.se/regional-utveckling/regional-utvecklingsstrategi/kraftsamlingar/fullfoljda-studier/delregionala-kunskapsnoder-for-fullfoljda-studier/',
  },
  inriktningar: {
    title: 'Utbildning Skaraborg: Inriktningar i kartan',
    url: 'https://utbildningskaraborg.se/sv/skolpersonal/projekt/karta/inriktningar-i-kartan/',
  },
  improveSkaraborg: {
    title: 'Utbildning Skaraborg: IMprove',
    url: 'https://utbildningskaraborg.se/sv/skolpersonal/projekt/avslutade-projekt/improve/',
  },
  improveSkr: {
    title: 'SKR: Öka unga nyanländas möjlighet att fullfölja sin utbildning',
    url: 'https://webbutik.skr.se/skr/skolakulturfritid/forskolagrundochgymnasieskolakomvux/uppdragfullfoljdutbildning/utvecklingochstod/okaunganyanlandasmojlighetfullfoljautbildning.29238.html',
  },
  improveArbetssatt: {
    title: 'SKR: IMprove – arbetssätt',
    url: 'https://skr.se/skolakulturfritid/forskolagrundochgymnasieskola/uppdragfullfoljdutbildning/improve/improvearbetssatt.29239.html',
  },
  trygghet: {
    title: 'Skaraborgs Kommunalförbund: Utbildningskonceptet Trygghet & Studiero',
    url: 'https://skaraborg.se/Var-verksamhet1/social-hallbarhetfolkhalsa/trygghet-studiero/',
  },
  detSynsInte: {
    title: 'Skaraborgs Kommunalförbund: Det syns inte',
    url: 'https://skaraborg.se/var-verksamhet-ny/kunskapsutveckling/karta/det-syns-inte',
  },
  enSkola: {
    title: 'Skaraborgs Kommunalförbund: En skola för alla',
    url: 'https://www.skaraborg.se/pagaende-projekt/avslutade-projekt/en-skola-for-alla2/',
  },
  nationell: {
    title: 'SKR: Nationell samordning, Uppdrag fullföljd utbildning',
    url: 'https://skr.se/skr/skolakulturfritid/forskolagrundochgymnasieskolakomvux/fullfoljdutbildning/nationellsamordning.52102.html',
  },
  samverkansstrategi: {
    title: 'Utbildning Skaraborg: Samverkansstrategi 2023–2026',
    url: 'https://utbildningskaraborg.se/sv/skolpersonal/Nyheter/samverkansstrategi/',
  },
  wwc: {
    title: 'What Works Clearinghouse: Check & Connect (intervention report, dropout prevention, May 2015)',
    url: 'https://ies.ed.gov/ncee/wwc/interventionreport.aspx?sid=78',
  },
} satisfies Record<string, Source>;

const empty = {
  descriptionSv: '',
  municipalityCodes: [],
  places: [],
  organisation: null,
  focusAreas: [],
  subChallenges: [],
  ageGroups: [],
  targetGroup: null,
  preventionLevel: null,
  levels: [],
  plugInFactors: [],
  periodStart: null,
  periodEnd: null,
  activityStatus: null,
  costPerParticipant: null,
  outcomesMeasured: null,
  evidence: null,
  contact: null,
  methods: [],
} satisfies Partial<SeedRecord>;

/** A Plug In workshop named in the issue's seed list; no public page about it was found. */
function plugInWorkshop(slug: string, where: string, codes: string[]): SeedRecord {
  return {
    ...empty,
    slug,
    kind: 'example',
    nameSv: `Plug In-verkstad ${where}`,
    nameEn: `Plug In workshop ${where}`,
    summarySv: `En av Plug In:s lokala verkstäder mot studieavbrott, i ${where}. Verkstadens innehåll, period och resultat är ännu inte beskrivna.`,
    summaryEn: `One of Plug In's local workshops against dropping out, in ${where}. Its content, period and results are not yet described.`,
    descriptionSv:
      `${issueSeedList} Att en Plug In-verkstad fanns i ${where} kommer från Fullfölj-projektets fröuppgifter; ingen publik ` +
      'sida om just den här verkstaden hittades. Om Plug In i stort: SKR drev projektet 2012–2018 tillsammans med regioner, bland dem ' +
      'Regionförbundet i Kalmar län, med lokala projektverkstäder för unga som avbrutit eller riskerade att avbryta gymnasiet ' +
      '(se källorna). Redaktören fyller i verkstadens arbetssätt och period när de är styrkta.',
    municipalityCodes: codes,
    places: municipalityPlaces(codes),
    organisation: null,
    ageGroups: ['upper-secondary'],
    sources: [src.plugInProject, src.plugIn20],
    lastReviewedOn: null,
    status: 'published',
  };
}

export const seedRecords: SeedRecord[] = [
  {
    ...empty,
    slug: 'plug-in',
    kind: 'example',
    nameSv: 'Plug In',
    nameEn: 'Plug In',
    summarySv:
      'SKR:s projekt mot studieavbrott på gymnasiet 2012–2018, med lokala projektverkstäder i ett sjuttiotal kommuner, finansierat av Europeiska socialfonden.',
    summaryEn:
      "SKR's project against dropping out of upper secondary school, 2012–2018, with local workshops in some seventy municipalities, funded by the European Social Fund.",
    descriptionSv:
      'Plug In var ett metod- och strukturpåverkansprojekt som SKR (dåvarande SKL) drev tillsammans med regioner. Den första ' +
      'delen pågick februari 2012–juni 2015; Plug In 2.0 fortsatte från hösten 2015 och byggde vidare på de framgångsfaktorer ' +
      'som den första delen hade identifierat. Arbetet skedde i lokala projektverkstäder för unga som hade avbrutit eller ' +
      'riskerade att avbryta sina gymnasiestudier.\n\n' +
      'Framgångsfaktorerna: ett individcentrerat arbetssätt, koll och uppföljning, bemötande, flexibilitet och samverkan. ' +
      'SKR:s fallstudier i Plug In 2.0 pekar på att förebyggande arbete behövs på flera nivåer: att tidigt se riskfaktorer ' +
      'och följa upp, och generellt arbete med trygghet, inkludering och goda relationer.',
    organisation: 'Sveriges Kommuner och Regioner (SKR)',
    focusAreas: ['motivation'],
    ageGroups: ['upper-secondary'],
    targetGroup: 'Unga som har avbrutit eller riskerar att avbryta sina gymnasiestudier',
    plugInFactors: ['individcentrerat arbetssätt', 'koll och uppföljning', 'bemötande', 'flexibilitet', 'samverkan'],
    periodStart: '2012-02-01',
    periodEnd: '2018-12-31',
    activityStatus: 'completed',
    outcomesMeasured:
      'Antal deltagande unga: över 7 700 i första delen (2012–2015); enligt SKR nåddes mer än 10 000 unga under hela projekttiden.',
    sources: [src.plugInSkr, src.plugInProject, src.plugIn20, src.plugInFactors, src.plugInCoaches],
    lastReviewedOn: reviewedOn,
    status: 'published',
    // NVL quotes SKL: student coaches (elevcoacher) proved a recipe for success in Plug In.
    methods: ['mentoring'],
  },
  plugInWorkshop('plug-in-emmaboda', 'Emmaboda', ['0862']),
  {
    ...plugInWorkshop('plug-in-kalmarsunds-gymnasieforbund', 'Kalmarsunds gymnasieförbund', []),
    organisation: 'Kalmarsunds gymnasieförbund',
  },
  plugInWorkshop('plug-in-monsteras-hogsby', 'Mönsterås och Högsby', ['0861', '0821']),
  plugInWorkshop('plug-in-oskarshamn', 'Oskarshamn', ['0882']),
  plugInWorkshop('plug-in-torsas', 'Torsås', ['0834']),
  plugInWorkshop('plug-in-vimmerby-hultsfred', 'Vimmerby och Hultsfred', ['0884', '0860']),
  plugInWorkshop('plug-in-vastervik', 'Västervik', ['0883']),
  {
    ...empty,
    slug: 'fullfoljda-studier-skaraborg',
    kind: 'example',
    nameSv: 'Fullföljda studier i Skaraborg',
    nameEn: 'Completed studies in Skaraborg',
    summarySv:
      'Skaraborgs kommuners arbete sedan 2013, tillsammans med Högskolan i Skövde, för att fler barn och unga ska fullfölja sina studier: kartläggning, nya arbetssätt och nätverk.',
    summaryEn:
      "Skaraborg's municipalities' work since 2013, with the University of Skövde, to help more children and young people complete their studies: a survey, new ways of working and networks.",
    descriptionSv:
      'Projektet Fullföljda studier, som Skaraborgs Kommunalförbund ledde, började 2013 med en bred kartläggning av hur ' +
      'kommunerna arbetade och vilka arbetssätt som användes. Därefter utvecklades och infördes goda idéer från ' +
      'kartläggningen, och sista fasen stödde nätverk och spridning av kunskap. Arbetet gjordes i samverkan med Högskolan i ' +
      'Skövde och Västra Götalandsregionens folkhälsoenhet i Skaraborg och redovisades på en konferens om fullföljda studier ' +
      'som social investering.',
    municipalityCodes: skaraborg,
    places: [{ ...municipalityPlace('1496'), name: 'Skaraborgs Kommunalförbund, Skövde' }],
    organisation: 'Skaraborgs Kommunalförbund',
    periodStart: '2013-01-01',
    sources: [src.fullfoljda, src.kommunalforbundet],
    lastReviewedOn: reviewedOn,
    status: 'published',
  },
  {
    ...empty,
    slug: 'fullfoljda-studier-skaraborg-2-0',
    kind: 'example',
    nameSv: 'Fullföljda studier Skaraborg 2.0',
    nameEn: 'Completed studies Skaraborg 2.0',
    summarySv:
      'Projekt oktober 2020–mars 2022 som förberedde Skaraborgs nästa steg i arbetet för fullföljda studier: spridning av resultat, dialoger med verksamheterna och en interaktiv karta över goda exempel.',
    summaryEn:
      "A project, October 2020 to March 2022, preparing Skaraborg's next step for completed studies: spreading results, dialogues with schools and services, and an interactive map of good examples.",
    descriptionSv:
      'Projektet spred resultat från tidigare satsningar i Utbildning Skaraborgs nätverk och förde dialoger med många som ' +
      'arbetar med barn och unga i förskola, skola och andra verksamheter, för att se vad som redan görs och vad som behöver ' +
      'utvecklas. Det tog också fram en interaktiv karta där satsningar och arbetssätt samlas som kunskapsbas för goda exempel.',
    municipalityCodes: skaraborg,
    places: [{ ...municipalityPlace('1496'), name: 'Skaraborgs Kommunalförbund, Skövde' }],
    organisation: 'Skaraborgs Kommunalförbund',
    periodStart: '2020-10-01',
    periodEnd: '2022-03-31',
    activityStatus: 'completed',
    sources: [src.fullfoljda20],
    lastReviewedOn: reviewedOn,
    status: 'published',
  },
  {
    ...empty,
    slug: 'kunskapsnod-fullfoljda-studier-skaraborg',
    kind: 'example',
    nameSv: 'Kunskapsnod Fullföljda studier Skaraborg',
    nameEn: 'Knowledge node for completed studies, Skaraborg',
    summarySv:
      'En av fyra delregionala kunskapsnoder i Västra Götalands kraftsamling för fullföljda studier: samverkans- och utvecklingsarena och processtöd för Skaraborgs 15 kommuner inom fyra inriktningar.',
    summaryEn:
      "One of four sub-regional knowledge nodes in Västra Götaland's drive for completed studies: a forum and process support for Skaraborg's 15 municipalities in four focus areas.",
    descriptionSv:
      'Noden arbetar 2022–2024 med inriktningarna psykisk hälsa, föräldrar som resurs, läsning och språkutveckling samt ' +
      'motivation och framtidstro. Den riktar sig främst till tjänstepersoner och politiker, utbildningsanordnare, ' +
      'civilsamhället, hälso- och sjukvården och andra som arbetar för barn och unga, med utbildningsinsatser och gemensamma ' +
      'webbinarier. Västra Götalandsregionen finansierar de fyra noderna (Göteborgsregionen, Fyrbodal, Skaraborg och Sjuhärad).',
    municipalityCodes: skaraborg,
    places: [{ ...municipalityPlace('1496'), name: 'Skaraborgs Kommunalförbund, Skövde' }],
    organisation: 'Skaraborgs Kommunalförbund',
    focusAreas: ['mental-health', 'parents', 'reading-language', 'motivation'],
    targetGroup: 'Tjänstepersoner, politiker och verksamheter som arbetar för barn och unga i Skaraborg',
    periodStart: '2022-01-01',
    periodEnd: '2024-12-31',
    sources: [src.nod, src.noder, src.inriktningar],
    lastReviewedOn: reviewedOn,
    status: 'published',
  },
  {
    ...empty,
    slug: 'improve-skaraborg',
    kind: 'example',
    nameSv: 'IMprove i Skaraborg',
    nameEn: 'IMprove in Skaraborg',
    summarySv:
      'SKR:s ESF-projekt december 2018–november 2022 för att fler sent anlända unga kommer vidare från språkintroduktion; i Skaraborg deltog sex kommuner och ett gemensamt delprojekt om överlämningar.',
    summaryEn:
      "SKR's ESF project, December 2018 to November 2022, helping more late-arriving young people move on from the language introduction programme; six Skaraborg municipalities took part, with a joint sub-project on handovers.",
    descriptionSv:
      'IMprove ville öka genomströmningen på gymnasieskolans introduktionsprogram, främst språkintroduktion, för unga som ' +
      'kommit till Sverige vid 13 års ålder eller senare. Fyra regioner deltog: Skaraborg, Värmland, Sörmland och Skåne. ' +
      'Projektet tog fram IMprove-modellen med bland annat övergångar till och från introduktionsprogram, kartläggning, ' +
      'individuell studieplan och uppföljning, stöd för lärande och studie- och yrkesvägledning för målgruppen.',
    municipalityCodes: ['1496', '1494', '1493', '1470', '1495', '1472'],
    places: municipalityPlaces(['1496', '1494', '1493', '1470', '1495', '1472']),
    organisation: 'Sveriges Kommuner och Regioner (SKR); Skaraborgs Kommunalförbund',
    focusAreas: ['reading-language', 'motivation'],
    ageGroups: ['upper-secondary'],
    targetGroup: 'Unga 15–24 år med uppehållstillstånd som kommit till Sverige vid 13 års ålder eller senare',
    preventionLevel: 'targeted',
    periodStart: '2018-12-01',
    periodEnd: '2022-11-30',
    activityStatus: 'completed',
    sources: [src.improveSkaraborg, src.improveSkr, src.improveArbetssatt],
    lastReviewedOn: reviewedOn,
    status: 'published',
    // SKR's IMprove page names study and career guidance for the target group as a development area.
    methods: ['study-career-guidance'],
  },
  {
    ...empty,
    slug: 'trygghet-och-studiero-skaraborg',
    kind: 'example',
    nameSv: 'Utbildningskonceptet Trygghet & Studiero',
    nameEn: 'The Safety & Calm for Study training concept',
    summarySv:
      'Fortbildning och metodstöd för förskolor och skolor i Skaraborg om trygghet och studiero, på vetenskaplig grund, för att främja fullföljda studier.',
    summaryEn:
      'Training and method support for preschools and schools in Skaraborg on safety and a calm learning environment, on a research basis, to promote completed studies.',
    descriptionSv:
      'Konceptet bygger bland annat på Hélène Jenvéns forskning och på de framgångsfaktorer Skolverket lyfter fram mot ' +
      'kränkningar och mobbning: en hela skolan-ansats, systematik för goda lärmiljöer, ett gott skolklimat, utbildad ' +
      'personal och delaktiga elever. Det vänder sig i första hand till rektorer, pedagogisk personal och elevhälsan i ' +
      'förskola och skola. Enligt källan medverkade Karlsborg, Skara, Lidköping, Skövde, Tidaholm, Tibro och Götene samt ' +
      'Västra Götalandsregionens naturbruksförvaltning.',
    municipalityCodes: ['1446', '1495', '1494', '1496', '1498', '1472', '1471'],
    places: municipalityPlaces(['1446', '1495', '1494', '1496', '1498', '1472', '1471']),
    organisation: 'Skaraborgs Kommunalförbund',
    focusAreas: ['mental-health'],
    subChallenges: ['trygghet och studiero'],
    ageGroups: ['preschool', 'f-3', '4-6', '7-9', 'upper-secondary'],
    targetGroup: 'Rektorer, pedagogisk personal och elevhälsopersonal i förskola och skola',
    preventionLevel: 'universal',
    sources: [src.trygghet, src.inriktningar],
    lastReviewedOn: reviewedOn,
    status: 'published',
  },
  {
    ...empty,
    slug: 'det-syns-inte-skaraborg',
    kind: 'example',
    nameSv: 'Det syns inte',
    nameEn: 'Det syns inte (It does not show)',
    summarySv:
      'Tio skolor och verksamheter i Skaraborg använder lärverktyget Det syns inte för att stärka ungas psykiska hälsa och förutsättningarna för fullföljda studier.',
    summaryEn:
      "Ten schools and services in Skaraborg use the learning tool Det syns inte to strengthen young people's mental health and their chances of completing their studies.",
    descriptionSv:
      'Satsningen är ett samarbete mellan Skaraborgs kommuner genom Skaraborgs Kommunalförbund, Delregional nämnd östra, ' +
      'Västra Götalandsregionens enhet för folkhälsa och social hållbarhet, Högskolan i Skövde och den ideella föreningen ' +
      'Arts & Hearts. Den finns i Skaraborgs karta över goda exempel under inriktningen psykisk hälsa.',
    municipalityCodes: skaraborg,
    places: [{ ...municipalityPlace('1496'), name: 'Skaraborgs Kommunalförbund, Skövde' }],
    organisation: 'Skaraborgs Kommunalförbund',
    focusAreas: ['mental-health'],
    sources: [src.detSynsInte],
    lastReviewedOn: reviewedOn,
    status: 'published',
  },
  {
    ...empty,
    slug: 'en-skola-for-alla',
    kind: 'example',
    nameSv: 'En skola för alla',
    nameEn: 'A school for all',
    summarySv:
      'ESF-projekt april 2017–mars 2020 med 30 projektverkstäder i 33 kommuner för att fler unga 15–24 år ska klara sin utbildning eller komma i arbete och färre hoppa av.',
    summaryEn:
      'An ESF project, April 2017 to March 2020, with 30 local workshops in 33 municipalities so that more young people aged 15–24 complete their education or find work and fewer drop out.',
    descriptionSv:
      'Skaraborgs Kommunalförbund ägde projektet, med Fyrbodals kommunalförbund, Sjuhärads kommunalförbund och ' +
      'Samordningsförbundet Väst som partner. Projektet byggde vidare på erfarenheterna från Plug In; fem skolor fick ' +
      'processtöd för att arbeta med Plug In-konceptet. Kommunernas aktivitetsansvariga var involverade.',
    municipalityCodes: skaraborg,
    places: [{ ...municipalityPlace('1496'), name: 'Skaraborgs Kommunalförbund, Skövde' }],
    organisation: 'Skaraborgs Kommunalförbund',
    focusAreas: ['motivation'],
    ageGroups: ['upper-secondary'],
    targetGroup: 'Unga 15–24 år som riskerar att inte fullfölja sin utbildning',
    periodStart: '2017-04-01',
    periodEnd: '2020-03-31',
    activityStatus: 'completed',
    outcomesMeasured: '450 unga deltog i aktiviteter i någon av de 30 projektverkstäderna (enligt projektsidan).',
    sources: [src.enSkola, src.plugInFactors],
    lastReviewedOn: reviewedOn,
    status: 'published',
  },
  {
    ...empty,
    slug: 'skia-natverket',
    kind: 'example',
    nameSv: 'SKIA-nätverket',
    nameEn: 'The SKIA network',
    summarySv:
      'Ett nätverk i Skaraborgs arbete för fullföljda studier, enligt Fullfölj-projektets fröuppgifter. Vad nätverket gör är ännu inte beskrivet.',
    summaryEn:
      "A network in Skaraborg's work for completed studies, according to the Fullfölj project's seed list. What it does is not yet described.",
    descriptionSv: `${issueSeedList} Posten är ett utkast, inte publicerad, tills en redaktör har styrkt och beskrivit nätverket.`,
    sources: [],
    lastReviewedOn: null,
    status: 'draft',
  },
  {
    ...empty,
    slug: 'fullfoljd-utbildning-skr',
    kind: 'example',
    nameSv: 'Uppdrag fullföljd utbildning (SKR)',
    nameEn: 'Completed education mission (SKR)',
    summarySv:
      'SKR:s nationella arbete för fullföljda studier: inom en överenskommelse med regeringen 2021–2022 en plan för en nationell strategi och en nationell samverkansgrupp.',
    summaryEn:
      "SKR's national work for completed studies: under an agreement with the government, 2021–2022, a plan for a national strategy and a national collaboration group.",
    descriptionSv:
      'SKR tog fram en plan för en nationell strategi för fullföljda studier och fungerande övergångar mellan stadier, skolor ' +
      'och program, och startade en nationell samverkansgrupp med myndigheter, kommunala och enskilda huvudmän och ' +
      'intresseorganisationer. Projekten Plug In och IMprove redovisas under samma uppdrag.',
    organisation: 'Sveriges Kommuner och Regioner (SKR)',
    periodStart: '2021-01-01',
    periodEnd: '2022-12-31',
    activityStatus: 'completed',
    sources: [src.nationell, src.plugInSkr, src.improveSkr],
    lastReviewedOn: reviewedOn,
    status: 'published',
  },
];

/**
 * The method records the migration created (0006), enriched with their sources. Only fields a source supports are
 * given; the rest of the migration's content is kept.
 */
export const seedMethodUpdates: Array<
  Pick<SeedRecord, 'slug' | 'sources' | 'ageGroups' | 'targetGroup' | 'preventionLevel' | 'evidence' | 'descriptionSv' | 'lastReviewedOn'>
> = [
  {
    slug: 'check-and-connect',
    descriptionSv:
      'Eleven får en mentor (”monitor”) som regelbundet går igenom närvaro, beteende och studieresultat (check) och ' +
      'ingriper när problem syns, och som ger individuellt stöd i samarbete med skolpersonal, familjen och andra aktörer ' +
      '(connect). What Works Clearinghouse granskade studier med gymnasieelever med inlärnings-, beteende- eller emotionella ' +
      'svårigheter i Minneapolis.',
    ageGroups: ['upper-secondary'],
    targetGroup:
      'Gymnasieelever i risk att hoppa av (i de granskade studierna: elever med inlärnings-, beteende- eller emotionella svårigheter)',
    preventionLevel: 'targeted',
    evidence: {
      rating:
        'Positiva effekter på att stanna kvar i skolan, möjligen positiva på att gå vidare i utbildningen, inga säkerställda på att fullfölja (avhopp, 2015)',
      source: 'What Works Clearinghouse (IES)',
      url: 'https://ies.ed.gov/ncee/wwc/interventionreport.aspx?sid=78',
    },
    sources: [src.wwc],
    lastReviewedOn: reviewedOn,
  },
];
