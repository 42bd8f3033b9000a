/**
 * Typed errors of the application, each carrying the French sentence a person reads (`detail`) and, when the
 * default does not fit, the problem's `title`. Code anywhere (domain rules, stores, services, routes) throws
 * them; the server maps them ONCE to RFC 9457 application/problem+json (src/server/problem.ts, `problemOf`).
 * The HTTP status belongs to that mapping, not to the code that throws.
 */

/** One refused field of an input, for forms that show the message next to the field. */
export interface FieldError {
  field: string;
  message: string;
}

/** One refused line of an imported file (its column when known). */
export interface LineError {
  line: number | null;
  column?: string;
  message: string;
}

export interface AppErrorOptions {
  /** The problem's title when the kind's default (e.g. « Introuvable ») is too vague for the page. */
  title?: string;
  /** Extension members of the problem, sent after `detail` (e.g. `{ ok: false }` of an import report). */
  extensions?: Record<string, unknown>;
  /** Refused fields or lines, sent last as the problem's `errors` member. */
  errors?: readonly FieldError[] | readonly LineError[];
}

/** Base of every typed error: `message` is the French `detail` of the problem. */
export abstract class AppError extends Error {
  readonly title: string | undefined;
  readonly extensions: Record<string, unknown> | undefined;
  readonly errors: readonly FieldError[] | readonly LineError[] | undefined;

  constructor(detail: string, options: AppErrorOptions = {}) {
    super(detail);
    this.name = new.target.name;
    this.title = options.title;
    this.extensions = options.extensions;
    this.errors = options.errors;
  }

  get detail(): string {
    return this.message;
  }
}

/** The input cannot be read as asked (400), e.g. an unknown commune, a malformed query string. */
export class InvalidInputError extends AppError {}

/** The input is well formed but breaks a rule of the model (422), e.g. a project or account that does not pass the checks. */
export class UnprocessableError extends AppError {
  /** The refused fields, their messages joined as the detail. */
  static forFields(errors: readonly FieldError[], title?: string): UnprocessableError {
    return new UnprocessableError(errors.map((e) => e.message).join(" "), title === undefined ? { errors } : { title, errors });
  }
}

/** No valid session, or wrong credentials (401). */
export class UnauthenticatedError extends AppError {}

/** The person is known but may not do this (403). */
export class ForbiddenError extends AppError {}

/** What the request names does not exist, or is not visible to this person (404). */
export class NotFoundError extends AppError {}

/** The request clashes with the current state (409): taken e-mail, changed version, closed request… */
export class ConflictError extends AppError {}

/** The body or file is larger than accepted (413). */
export class TooLargeError extends AppError {}

/** Too many attempts (429); the client may retry after `retryAfterSeconds`. */
export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(detail: string, retryAfterSeconds: number, options: AppErrorOptions = {}) {
    super(detail, options);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The service cannot answer for now (503), e.g. content not loaded yet, a feature not configured. */
export class UnavailableError extends AppError {}
