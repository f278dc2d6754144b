/**
 * The one error boundary of the HTTP server. Whatever went wrong, the answer names no SQL, no bound value, no
 * stack and nothing the client sent: a 500 says only that something failed, with the request id to quote; a
 * database refusal that is the client's fault becomes a 400/409; Fastify's own 4xx (malformed JSON, a body too
 * large, a bad URL) get a plain message of ours instead of theirs, which can quote the input. The log keeps the
 * error's kind, code and the query's shape (error-kinds.ts), never its message.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { databaseFault } from './error-kinds.ts';
import { HttpError } from './errors.ts';
import { requestLanguage, type Language } from './language.ts';

type Answer = { status: number; sv: string; en: string; field?: string };

/** SQLSTATE classes the client caused: bad text or numbers, a duplicate, a broken reference, a failed check. */
function databaseAnswer(sqlState: string): Answer | null {
  if (sqlState === '23505') return { status: 409, sv: 'Uppgiften finns redan.', en: 'This already exists.' };
  if (sqlState === '23503') {
    return {
      status: 409,
      sv: 'Uppgiften hänger ihop med något som saknas eller fortfarande används.',
      en: 'This refers to something that is missing or still in use.',
    };
  }
  if (sqlState === '40001' || sqlState === '40P01') {
    return { status: 409, sv: 'Någon annan ändrade samtidigt. Försök igen.', en: 'Someone else changed this at the same time. Try again.' };
  }
  if (sqlState.startsWith('22') || sqlState === '23502' || sqlState === '23514') {
    return {
      status: 400,
      sv: 'Ett värde kunde inte tas emot: kontrollera fälten och försök igen.',
      en: 'A value could not be accepted: check the fields and try again.',
    };
  }
  return null;
}

/** Fastify's own client errors, answered in our words. */
function fastifyAnswer(error: FastifyError): Answer | null {
  const status = error.statusCode ?? 500;
  if (status >= 500) return null;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, sv: 'Innehållet är inte giltig JSON.', en: 'The body is not valid JSON.', field: 'body' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, sv: 'Innehållet är för stort.', en: 'The body is too large.', field: 'body' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 415, sv: 'Innehållstypen stöds inte: skicka JSON.', en: 'Unsupported content type: send JSON.' };
    case 'FST_ERR_BAD_URL':
      return { status: 400, sv: 'Adressen är ogiltig.', en: 'The address is invalid.', field: 'url' };
  }
  if (status === 429) return null; // the rate limiter's own message, built by us in app.ts
  return { status, sv: 'Begäran kunde inte tas emot.', en: 'The request could not be accepted.' };
}

const failed: Record<Language, (id: string) => string> = {
  sv: (id) => `Något gick fel hos oss. Försök igen om en stund. Ange felkoden ${id} om du kontaktar supporten.`,
  en: (id) => `Something went wrong on our side. Try again shortly. Quote error code ${id} if you contact support.`,
};

/** Answers `error` without echoing anything of it, and logs only its kind. */
export function answerError(error: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.header('cache-control', 'no-store');
  if (error instanceof HttpError) return reply.code(error.statusCode).send({ error: error.message, ...error.body });
  const language = requestLanguage(req);
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode === 429 && typeof (error as { error?: unknown }).error === 'string') {
    return reply.code(429).send({ error: (error as { error: string }).error });
  }
  const fault = databaseFault(error);
  const answer = fault ? databaseAnswer(fault.sqlState) : fastifyAnswer(fastifyError);
  if (answer) {
    req.log.warn({ err: error }, 'request refused');
    const message = answer[language];
    const fields = answer.field ? { fields: [{ field: answer.field, message }] } : {};
    return reply.code(answer.status).send({ error: message, ...fields });
  }
  // The logger's serializer (logger.ts) reduces the error to its kind, code and query shape.
  req.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ error: failed[language](req.id), requestId: req.id });
}

/** Installs the boundary on the app (every route, every plugin, the not-found path). */
export function installErrorBoundary(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => answerError(error, req, reply));
}
