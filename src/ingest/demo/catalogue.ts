/** Fixed facts the demo region is built from: Skaraborg's municipalities, programmes, subjects, names. */

/** Skaraborg's 15 municipalities (SCB codes) with their approximate share of the region's population. */
export const skaraborg = [
  { code: '1496', name: 'Skövde', weight: 0.215, gyUnits: 2 },
  { code: '1494', name: 'Lidköping', weight: 0.16, gyUnits: 2 },
  { code: '1499', name: 'Falköping', weight: 0.125, gyUnits: 1 },
  { code: '1493', name: 'Mariestad', weight: 0.1, gyUnits: 1 },
  { code: '1470', name: 'Vara', weight: 0.06, gyUnits: 0 },
  { code: '1495', name: 'Skara', weight: 0.07, gyUnits: 1 },
  { code: '1471', name: 'Götene', weight: 0.05, gyUnits: 0 },
  { code: '1498', name: 'Tidaholm', weight: 0.049, gyUnits: 0 },
  { code: '1472', name: 'Tibro', weight: 0.04, gyUnits: 0 },
  { code: '1497', name: 'Hjo', weight: 0.034, gyUnits: 0 },
  { code: '1473', name: 'Töreboda', weight: 0.035, gyUnits: 0 },
  { code: '1446', name: 'Karlsborg', weight: 0.025, gyUnits: 0 },
  { code: '1447', name: 'Gullspång', weight: 0.019, gyUnits: 0 },
  { code: '1444', name: 'Grästorp', weight: 0.021, gyUnits: 0 },
  { code: '1445', name: 'Essunga', weight: 0.021, gyUnits: 0 },
] as const;

/** Fictional independent organisers (friskolor) running upper-secondary units. */
export const independentOrganisers = [
  { name: 'Exempelgymnasiet AB', municipalityCode: '1496' },
  { name: 'Demoskolan Friskolor AB', municipalityCode: '1494' },
] as const;

/** Real children per age cohort in Skaraborg; `--scale 1` is a tenth of it. */
export const realCohortSize = 2900;
export const cohortSizeAtScale1 = realCohortSize / 10;

export const nationalProgrammes = [
  { code: 'NA', name: 'Naturvetenskapsprogrammet', type: 'Högskoleförberedande program' },
  { code: 'SA', name: 'Samhällsvetenskapsprogrammet', type: 'Högskoleförberedande program' },
  { code: 'EK', name: 'Ekonomiprogrammet', type: 'Högskoleförberedande program' },
  { code: 'TE', name: 'Teknikprogrammet', type: 'Högskoleförberedande program' },
  { code: 'ES', name: 'Estetiska programmet', type: 'Högskoleförberedande program' },
  { code: 'BF', name: 'Barn- och fritidsprogrammet', type: 'Yrkesprogram' },
  { code: 'EE', name: 'El- och energiprogrammet', type: 'Yrkesprogram' },
  { code: 'FT', name: 'Fordons- och transportprogrammet', type: 'Yrkesprogram' },
  { code: 'HA', name: 'Handels- och administrationsprogrammet', type: 'Yrkesprogram' },
  { code: 'IN', name: 'Industritekniska programmet', type: 'Yrkesprogram' },
  { code: 'NB', name: 'Naturbruksprogrammet', type: 'Yrkesprogram' },
  { code: 'VO', name: 'Vård- och omsorgsprogrammet', type: 'Yrkesprogram' },
  { code: 'BA', name: 'Bygg- och anläggningsprogrammet', type: 'Yrkesprogram' },
  { code: 'HU', name: 'Humanistiska programmet', type: 'Högskoleförberedande program' },
  { code: 'HT', name: 'Hotell- och turismprogrammet', type: 'Yrkesprogram' },
  { code: 'RL', name: 'Restaurang- och livsmedelsprogrammet', type: 'Yrkesprogram' },
  { code: 'VF', name: 'VVS- och fastighetsprogrammet', type: 'Yrkesprogram' },
] as const;

/** Introduktionsprogram; SS 12000's Code_ProgrammeType spells it 'Intruduktionsprogram'. */
export const introductionProgrammes = [
  { code: 'IMSPR', name: 'Språkintroduktion' },
  { code: 'IMIND', name: 'Individuellt alternativ' },
  { code: 'IMPRO', name: 'Programinriktat val' },
  { code: 'IMYRK', name: 'Yrkesintroduktion' },
  { code: 'IMPRE', name: 'Preparandutbildning' },
] as const;

/**
 * Anpassad grundskola (GRS) and anpassad gymnasieskola (GYS): ~1.5 % of a cohort, chosen at random (not
 * from latent risk). GRS pupils attend the GRS unit of the nearest municipality that runs one, and at 16
 * go on to GYS (four years, then a gymnasiesärskolebevis). GYS enrolments carry no programme here.
 */
export const adaptedSchoolShare = 0.015;
/** Municipalities running a GRS unit; the others place their GRS pupils in the first one listed for them. */
export const grsHosts: Record<string, string> = {
  1496: '1496',
  1497: '1496',
  1498: '1496',
  1472: '1496',
  1446: '1496',
  1494: '1494',
  1444: '1494',
  1471: '1494',
  1445: '1494',
  1499: '1499',
  1470: '1499',
  1495: '1499',
  1493: '1493',
  1473: '1493',
  1447: '1493',
};
/** Municipalities running a GYS unit, by the municipality whose GRS unit feeds it. */
export const gysHosts: Record<string, string> = { 1496: '1496', 1493: '1496', 1494: '1494', 1499: '1494' };

/** Compulsory-school subjects (grundskolan), graded from year 6. `core`: needed for eligibility. */
export const grSubjects = [
  { code: 'SV', name: 'Svenska', core: true },
  { code: 'EN', name: 'Engelska', core: true },
  { code: 'MA', name: 'Matematik', core: true },
  { code: 'BI', name: 'Biologi' },
  { code: 'FY', name: 'Fysik' },
  { code: 'KE', name: 'Kemi' },
  { code: 'GE', name: 'Geografi' },
  { code: 'HI', name: 'Historia' },
  { code: 'RE', name: 'Religionskunskap' },
  { code: 'SH', name: 'Samhällskunskap' },
  { code: 'BL', name: 'Bild' },
  { code: 'MU', name: 'Musik' },
  { code: 'SL', name: 'Slöjd' },
  { code: 'TK', name: 'Teknik' },
  { code: 'IDH', name: 'Idrott och hälsa' },
  { code: 'HKK', name: 'Hem- och konsumentkunskap' },
] as const;

/** Upper-secondary courses common to every programme; `required` ones must be passed for a diploma. */
export const gyCommonCourses = [
  { code: 'SVESVE01', subject: 'SVE', name: 'Svenska 1', required: true },
  { code: 'SVESVE02', subject: 'SVE', name: 'Svenska 2' },
  { code: 'ENGENG05', subject: 'ENG', name: 'Engelska 5', required: true },
  { code: 'ENGENG06', subject: 'ENG', name: 'Engelska 6' },
  { code: 'MATMAT01a', subject: 'MAT', name: 'Matematik 1a', required: true },
  { code: 'MATMAT02a', subject: 'MAT', name: 'Matematik 2a' },
  { code: 'HISHIS01a1', subject: 'HIS', name: 'Historia 1a1' },
  { code: 'SAMSAM01a1', subject: 'SAM', name: 'Samhällskunskap 1a1' },
  { code: 'RELREL01', subject: 'REL', name: 'Religionskunskap 1' },
  { code: 'NAKNAK01a1', subject: 'NAK', name: 'Naturkunskap 1a1' },
  { code: 'IDRIDR01', subject: 'IDR', name: 'Idrott och hälsa 1' },
] as const;

/** Programme courses per programme: the diploma's 2,500 points are 25 courses of 100 points. */
export const programmeCourseCount = 13;
export const diplomaProjectCode = 'GYARAR00';

export const givenNames = {
  Kvinna: [
    'Alva',
    'Elsa',
    'Maja',
    'Ebba',
    'Wilma',
    'Saga',
    'Agnes',
    'Ella',
    'Alice',
    'Olivia',
    'Freja',
    'Nora',
    'Selma',
    'Ida',
    'Linnea',
    'Amira',
    'Sara',
    'Hanna',
    'Lova',
    'Tilde',
  ],
  Man: [
    'Elias',
    'William',
    'Noah',
    'Hugo',
    'Lucas',
    'Oliver',
    'Liam',
    'Adam',
    'Alexander',
    'Leo',
    'Theo',
    'Ali',
    'Isak',
    'Vincent',
    'Melvin',
    'Gustav',
    'Arvid',
    'Omar',
    'Viktor',
    'Axel',
  ],
} as const;
export const familyNames = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Lindberg',
  'Lindqvist',
  'Berg',
  'Axelsson',
  'Hassan',
  'Mohammed',
  'Holm',
  'Bergström',
  'Sandberg',
  'Ek',
  'Nyström',
  'Åberg',
] as const;
export const streets = [
  'Storgatan',
  'Kyrkogatan',
  'Skolgatan',
  'Björkvägen',
  'Ekvägen',
  'Parkgatan',
  'Ängsvägen',
  'Järnvägsgatan',
] as const;
