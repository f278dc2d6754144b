/** SS 12000's school-type codes as the page names them (a code never reaches a person). */
import type { TFunction } from 'i18next';

const known = ['FKLASS', 'GR', 'GRS', 'SP', 'SAM', 'GY', 'GYS', 'VUX', 'SFI'] as const;

/** The school form's name in the user's language; an unknown code reads "Annan skolform". */
export function schoolTypeLabel(code: string, t: TFunction): string {
  return (known as readonly string[]).includes(code) ? t(`students.schoolTypes.${code}`) : t('students.schoolTypes.other');
}
