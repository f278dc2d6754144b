/**
 * Swedish texts of the demo region's case history: reasons, goals and actions per method, follow-up findings,
 * evaluations, notes (ordinary and sensitive), meeting minutes and action-programme parts. All invented; no real person.
 */

/** Flag groups of early detection (early-warning/indicators.ts) and the reason a case opened from them gives. */
export const flagGroups = {
  attendance: ['attendance', 'falling-attendance', 'csn-invalid-absence', 'connectedness'],
  grades: ['failed-grades', 'fail-warnings', 'points-at-risk', 'eligibility'],
  transition: ['introduction', 'programme-change', 'school-change', 'newly-arrived'],
} as const;
export type FlagGroup = keyof typeof flagGroups;

export const reasons: Record<FlagGroup, readonly string[]> = {
  attendance: [
    'Hög och ökande frånvaro, mest ogiltig, sedan några veckor. Mentorn har inte nått vårdnadshavarna.',
    'Ogiltig frånvaro över CSN:s gräns två månader i rad. Eleven kommer sent flera morgnar i veckan.',
    'Frånvaron har ökat tydligt under terminen; eleven säger att skolan känns tung.',
  ],
  grades: [
    'Flera F-varningar i kärnämnen och risk att inte nå behörighet. Eleven ligger efter med inlämningar.',
    'Underkänd i två kurser och fler varningar efter halva terminen. Lärarna ser svårigheter med läsförståelse.',
    'Betygen har sjunkit sedan förra läsåret; eleven och mentorn vill lägga upp en plan.',
  ],
  transition: [
    'Eleven går på introduktionsprogram och behöver en plan för att nå ett nationellt program.',
    'Har bytt program och behöver stöd att komma ikapp i de nya kurserna.',
  ],
};

/** Methods suited to each flag group, most likely first (slugs of the seeded method library). */
export const methodsFor: Record<FlagGroup, readonly string[]> = {
  attendance: ['check-and-connect', 'counselling', 'home-contact', 'mentoring', 'adapted-timetable'],
  grades: ['extra-adaptations', 'reading-language-support', 'study-career-guidance', 'mentoring', 'special-support'],
  transition: ['study-career-guidance', 'reading-language-support', 'mentoring'],
};

export const goals: Record<string, readonly string[]> = {
  'check-and-connect': [
    'Närvaro över 90 % och ingen ogiltig frånvaro under fyra veckor i följd.',
    'Eleven har en vuxen i skolan att stämma av med varje vecka.',
  ],
  mentoring: [
    'Eleven har en fast planering för veckan och lämnar in uppgifterna i tid.',
    'Eleven och mentorn träffas varje vecka och följer upp planeringen.',
  ],
  'study-career-guidance': [
    'Eleven har ett mål med studierna och en plan för att nå behörighet.',
    'Eleven vet vilket program hon eller han siktar på och vad som krävs.',
  ],
  'adapted-timetable': ['Eleven klarar en anpassad studiegång och kommer till alla lektioner i den.'],
  'home-contact': ['Skolan och hemmet har kontakt varje vecka och en gemensam plan för närvaron.'],
  'extra-adaptations': [
    'Eleven når minst E i kurserna med F-varning till terminens slut.',
    'Eleven lämnar in alla uppgifter med stöd av anpassningarna.',
  ],
  'special-support': [
    'Eleven når kunskapskraven för E i matematik och svenska.',
    'Eleven följer sitt schema med särskilt stöd och ligger i fas vid utvärderingen.',
  ],
  'reading-language-support': [
    'Eleven läser och förstår kurstexterna med stöd av inläst material.',
    'Bättre läsflyt och förståelse mätt vid uppföljningen.',
  ],
  counselling: [
    'Eleven mår bättre och kommer till skolan; frånvaron halveras.',
    'Eleven har strategier för oro och sömn och kommer i tid.',
  ],
};

export const actions: Record<string, readonly string[]> = {
  'check-and-connect': ['Kuratorn träffar eleven varje vecka och går igenom närvaron; mentorn ringer hem samma dag vid ogiltig frånvaro.'],
  mentoring: ['Mentorn har ett planeringssamtal varje måndag; eleven skriver veckoplan i lärplattformen.'],
  'study-career-guidance': ['SYV har tre samtal om mål och vägval; eleven besöker ett program och gör en studieplan.'],
  'adapted-timetable': ['Rektor beslutar om anpassad studiegång; specialpedagogen gör schemat och följer upp med lärarna.'],
  'home-contact': ['Mentorn ringer vårdnadshavarna varje fredag; möte på skolan var fjärde vecka.'],
  'extra-adaptations': ['Lärarna ger förlängd tid, uppgifter i mindre delar och studiero i grupprum; specialpedagogen stöttar lärarna.'],
  'special-support': ['Specialpedagogen undervisar eleven i liten grupp tre lektioner i veckan enligt åtgärdsprogrammet.'],
  'reading-language-support': ['Inlästa läromedel och talsyntes; specialpedagogen tränar lässtrategier två gånger i veckan.'],
  counselling: ['Stödsamtal hos kuratorn varje vecka; skolsköterskan följer upp sömn och mående.'],
};

export const followUpFindings = [
  'Bättre närvaro sedan förra uppföljningen; planen fortsätter.',
  'Oförändrat. Vi justerar tiderna och stämmer av igen om tre veckor.',
  'Eleven har kommit till alla samtal och lämnat in två uppgifter.',
  'Frånvaron har minskat på morgnarna men inte på fredagar.',
  'Vårdnadshavarna deltog; överens om att fortsätta.',
  'Något sämre efter sjukdom; planen står fast.',
];

export const evaluations: Record<'improved' | 'unchanged' | 'worse', string> = {
  improved: 'Målen är i huvudsak nådda: närvaron har ökat och eleven följer planeringen.',
  unchanged: 'Ingen tydlig förändring. Teamet går vidare med en annan insats.',
  worse: 'Situationen har blivit sämre; ärendet tas upp på nästa elevhälsomöte.',
};

export const ordinaryNotes = [
  'Samtal med eleven och mentorn. Eleven vill ha hjälp med planeringen.',
  'Telefonsamtal med vårdnadshavare; de ser samma mönster hemma och ställer upp på planen.',
  'Mentorn rapporterar att eleven kommit i tid hela veckan.',
  'Avstämning med undervisande lärare: två uppgifter saknas i engelska.',
  'Eleven uteblev från samtalet. Ny tid bokad och hem kontaktat.',
];

/** Sensitive notes (student-health only): invented, and deliberately general. */
export const sensitiveNotes = [
  'Eleven berättar om sömnsvårigheter och oro inför prov. Hänvisad till skolsköterskan.',
  'Samtal om situationen hemma; eleven vill inte att mentorn informeras i detalj.',
  'Skolsköterskan har träffat eleven för huvudvärk och trötthet; följs upp om två veckor.',
  'Eleven har kontakt med BUP sedan tidigare enligt vårdnadshavare.',
];

export const closingNotes: Record<string, string> = {
  'goals-met': 'Närvaron är stabil över 90 % sedan två månader. Eleven vet vart hon eller han kan vända sig.',
  'other-support': 'Eleven får fortsatt stöd genom åtgärdsprogram och specialpedagog.',
  'no-longer-needed': 'Utvärderingen visar att stödet inte längre behövs.',
  declined: 'Eleven och vårdnadshavarna tackade nej till fortsatta insatser efter samtal.',
  moved: 'Eleven har flyttat; överlämning gjord till den nya skolan med vårdnadshavarnas samtycke.',
  other: 'Avslutat efter beslut på elevhälsomötet.',
};

export const meetingMinutes = [
  'Genomgång av nya flaggor och försenade uppföljningar. Beslut om insatser enligt listan; ansvariga kontaktar eleverna denna vecka.',
  'Uppföljning av pågående ärenden. Två ärenden avslutas, ett lyfts till rektor för beslut om särskilt stöd.',
  'Fokus på frånvaron efter lovet. Mentorerna påminns om att rapportera närvaro samma dag.',
];

export const programme = {
  needs: [
    'Utredningen visar att eleven behöver undervisning i mindre grupp och anpassat material i matematik och svenska för att nå kunskapskraven.',
    'Eleven behöver särskilt stöd i form av specialpedagogisk undervisning i läs- och skrivstrategier och en anpassad studieplan.',
  ],
  studentViews: [
    'Eleven deltog i mötet och vill helst få stödet på schemalagd tid, inte på håltimmar.',
    'Eleven tycker att stöd i liten grupp hjälper och vill fortsätta med det.',
  ],
  guardianViews: [
    'Vårdnadshavarna deltog på mötet och ställer sig bakom åtgärderna. De vill ha kontakt varannan vecka.',
    'Vårdnadshavare deltog per telefon och har fått programmet hemskickat; inga invändningar.',
  ],
};
