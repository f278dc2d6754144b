/** Each module's texts `{ sv, en }`, merged into i18next under the module's name (one line per module). */
import { students } from './students/i18n.ts';

export const moduleTexts: Record<string, { sv: Record<string, unknown>; en: Record<string, unknown> }> = {
  students,
};
