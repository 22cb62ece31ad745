import { ERROR_CODES, type ErrorCode, type SerialUploadView } from '@assay/core';
import { ApiError, urlFor } from '../../api/client';
import { authenticationApi, sessionApi } from '../../api/endpoints';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** The details of a refused upload: nothing was stored; the first errors with their line. */
export interface CsvRejection {
  rows: number;
  errorCount: number;
  errors: { line: number; field: string; message: string }[];
}

export function csvRejection(error: unknown): CsvRejection | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const details = error.details as Partial<CsvRejection> | undefined;
  return details && Array.isArray(details.errors) && typeof details.errorCount === 'number'
    ? { rows: details.rows ?? 0, errorCount: details.errorCount, errors: details.errors }
    : null;
}

/**
 * Sends a serials file as the raw `text/csv` body. XMLHttpRequest rather than fetch: only it reports
 * upload progress; the File is streamed from disk by the browser, never read into memory here.
 */
export async function uploadSerialsCsv(
  rightsHolderId: string,
  connectorId: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<SerialUploadView> {
  // State-changing requests echo the session's CSRF token; the fetch client keeps its copy private.
  const { csrfToken } = await sessionApi.get();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', urlFor(authenticationApi.serialsCsvPath(rightsHolderId, connectorId)));
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) =>
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      const payload = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as SerialUploadView);
      else reject(apiError(xhr.status, payload));
    };
    xhr.onerror = () => reject(new ApiError(0, 'unavailable', 'Network error'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function apiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)
    ?.error;
  const code = (ERROR_CODES as readonly unknown[]).includes(error?.code)
    ? (error?.code as ErrorCode)
    : status >= 500
      ? 'unavailable'
      : 'internal';
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  return new ApiError(status, code, message, error?.details);
}
