/** HTTP errors that handlers throw; the route wrapper turns them into responses (and commits the access log). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** 401: no valid session. */
export const unauthenticated = () => new HttpError(401, 'Du behöver logga in.');
/** 403: signed in, but the role does not allow this. */
export const forbidden = () => new HttpError(403, 'Du saknar behörighet för detta.');
/** 404: also for records outside the actor's scope, so that their existence is not revealed. */
export const notFound = () => new HttpError(404, 'Hittades inte.');
