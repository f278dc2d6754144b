/**
 * One contract between the server and the web app: an endpoint names its method and path, its request schemas
 * (query, path parameters, body), its response schema and the labels of its fields as the form shows them. The
 * server's route validates with it and checks what it sends; the web app's one client builds the request from it
 * and parses the answer with it. Neither side keeps a copy of the other's types.
 */
import type { z } from 'zod';

/** A field's name as a person reads it, in Swedish and English. */
export interface Label {
  sv: string;
  en: string;
}

/** Labels by field path; array indices are written `*` (`places.*.lat`). */
export type FieldLabels = Readonly<Record<string, Label>>;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint<
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  A extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Fastify's path syntax: `/api/students/:id`. */
  path: string;
  query?: Q;
  params?: A;
  body?: B;
  /** The answer's shape; a file download (PDF, CSV) has none and is not an endpoint. */
  response: R;
  labels?: FieldLabels;
}

/** Declares an endpoint (an identity function that keeps the schemas' types). */
export function endpoint<
  Q extends z.ZodType | undefined = undefined,
  A extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(definition: Endpoint<Q, A, B, R>): Endpoint<Q, A, B, R> {
  return definition;
}

type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What a caller supplies: path parameters, query and body, typed by the endpoint's schemas. */
export type RequestOf<E extends Endpoint> = {
  params?: InputOf<E['params']>;
  query?: InputOf<E['query']>;
  body?: InputOf<E['body']>;
};

/** The parsed answer of an endpoint. */
export type ResponseOf<E extends Endpoint> = z.output<E['response']>;

/** The path with its `:name` parameters filled in (each encoded). */
export function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`Parametern ${name} saknas för ${path}.`);
    return encodeURIComponent(String(value));
  });
}
