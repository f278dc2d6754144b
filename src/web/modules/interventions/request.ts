/** The message the server gave for a field of a form (`followUpDates` also finds `followUpDates.0`), shown at the field. */
import { ApiError } from '../../shared/api.ts';

export { fieldMessage } from '../../shared/forms.tsx';

/** True when the error is the server's 409: someone changed the record since it was read. */
export const isStale = (error: unknown): boolean => error instanceof ApiError && error.status === 409;
