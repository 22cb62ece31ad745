import { ERROR_CODES, type ErrorCode } from '@assay/core';

export interface FieldProblem {
  path: string;
  message: string;
}

/** A failed API call, carrying the server's error code so the UI can translate it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Only some of the problems are in `details` (a file import with very many bad rows). */
  readonly truncated: boolean;

  constructor(status: number, code: ErrorCode, message: string, details?: unknown, truncated = false) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.truncated = truncated;
  }

  /** Field problems of a `validation_failed` error (or a `conflict` naming its field), empty otherwise. */
  get fieldProblems(): FieldProblem[] {
    if ((this.code !== 'validation_failed' && this.code !== 'conflict') || !Array.isArray(this.details))
      return [];
    return this.details.filter(
      (item): item is FieldProblem => typeof item?.path === 'string' && typeof item?.message === 'string',
    );
  }

  /** Seconds to wait, for `locked` and `rate_limited` errors that say so. */
  get retryAfterSeconds(): number | null {
    const details = this.details as { retryAfterSeconds?: unknown } | undefined;
    return typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : null;
  }
}

type Query = Record<string, string | number | undefined>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** Cancels the request (a search overtaken by the next keystroke); the promise rejects with an AbortError. */
  signal?: AbortSignal | undefined;
  /** Extra request headers (an Idempotency-Key, say). */
  headers?: Record<string, string>;
  /** Sees the answer's headers (the service worker marks a saved copy served offline). */
  onHeaders?: (headers: Headers) => void;
}

let csrfToken: string | null = null;
let onUnauthorised: (() => void) | null = null;

/** Remembers the token that state-changing requests must echo; it changes at each sign-in step. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can return to sign-in. */
export function setUnauthorisedHandler(handler: (() => void) | null): void {
  onUnauthorised = handler;
}

/** The address of an API resource, for links and images (downloads, PDFs, pictures). */
export function urlFor(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = (
    payload as {
      error?: { code?: unknown; message?: unknown; details?: unknown; truncated?: unknown };
    } | null
  )?.error;
  const code = (ERROR_CODES as readonly unknown[]).includes(error?.code) ? (error?.code as ErrorCode) : null;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  if (code) return new ApiError(status, code, message, error?.details, error?.truncated === true);
  const fallback: ErrorCode = status === 404 ? 'not_found' : status >= 500 ? 'unavailable' : 'internal';
  return new ApiError(status, fallback, message);
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const isForm = options.body instanceof FormData;
  // A form's content type (multipart, with its boundary) is set by the browser.
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(urlFor(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      signal: options.signal ?? null,
      body:
        options.body === undefined
          ? undefined
          : isForm
            ? (options.body as FormData)
            : JSON.stringify(options.body),
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError(0, 'unavailable', cause instanceof Error ? cause.message : 'Network error');
  }
}

async function refreshCsrfToken(): Promise<void> {
  const response = await send('GET', '/session', {});
  if (response.ok) setCsrfToken(((await response.json()) as { csrfToken: string | null }).csrfToken);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorCodeOf(payload: unknown): unknown {
  return (payload as { error?: { code?: unknown } } | null)?.error?.code;
}

/** Calls the API and returns its JSON body (undefined for 204), or throws an ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  let payload = await readJson(response);
  if (response.status === 403 && errorCodeOf(payload) === 'csrf_failed') {
    // The token rotates at each sign-in step; another tab may have moved it on. Fetch it and retry once.
    await refreshCsrfToken();
    response = await send(method, path, options);
    payload = await readJson(response);
  }
  options.onHeaders?.(response.headers);
  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (error.code === 'unauthorised' && path !== '/session') onUnauthorised?.();
    throw error;
  }
  return (payload ?? undefined) as T;
}

/** Sends one file as multipart/form-data (field `file`) and returns the JSON answer. */
export function upload<T>(
  path: string,
  file: File,
  query?: Query,
  method: 'POST' | 'PUT' = 'POST',
): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<T>(method, path, { body: form, ...(query ? { query } : {}) });
}
