import { SAVED_AT_HEADER } from './cache-names';

/** When the copy in an answer was saved, if the service worker answered from its cache (else null). */
export function savedAtOf(headers: Headers): string | null {
  return headers.get(SAVED_AT_HEADER);
}
