/** Texts of the retention rules' section on the settings page: Swedish first, English second, the same keys. */
export const retention = {
  sv: {
    title: 'Gallringsregler',
    intro:
      'Hur länge huvudmannens personuppgifter sparas innan det nattliga gallringsjobbet tar bort dem. Tomt fält: uppgifterna sparas tills vidare. Gallring av allmänna handlingar kräver ett beslut i er dokumenthanteringsplan.',
    keep: 'Sparas',
    years: '{{count}} år',
    days: '{{count}} dagar',
    unitYears: 'antal år',
    unitDays: 'antal dagar',
    keptForever: 'sparas tills vidare',
    isDefault: 'standardvärdet',
    range: 'Mellan {{min}} och {{max}}.',
    save: 'Spara gallringsreglerna',
    saved: 'Gallringsreglerna är sparade.',
    lastRun: 'Senaste gallring: {{when}} ({{outcome}}).',
    noRun: 'Gallringsjobbet har inte körts ännu.',
    outcome: { running: 'pågår', succeeded: 'lyckades', failed: 'misslyckades' },
  },
  en: {
    title: 'Retention rules',
    intro:
      'How long the organiser’s personal data is kept before the nightly retention job deletes it. An empty field keeps the data. Deleting public records needs a decision in your records-management plan.',
    keep: 'Kept',
    years: '{{count}} years',
    days: '{{count}} days',
    unitYears: 'number of years',
    unitDays: 'number of days',
    keptForever: 'kept until further notice',
    isDefault: 'the default',
    range: 'Between {{min}} and {{max}}.',
    save: 'Save the retention rules',
    saved: 'The retention rules are saved.',
    lastRun: 'Last retention run: {{when}} ({{outcome}}).',
    noRun: 'The retention job has not run yet.',
    outcome: { running: 'running', succeeded: 'succeeded', failed: 'failed' },
  },
};
