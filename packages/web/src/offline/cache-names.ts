/**
 * What the service worker keeps of the API, shared by the worker and the page. Only these responses
 * are ever cached: opened or pinned guides, their pictures and the alerts inbox — never sign-in,
 * session or any other endpoint. Every name starts with `assay-api-`, so signing out can drop them all.
 */
export const API_CACHE_PREFIX = 'assay-api-';
export const GUIDE_CACHE = `${API_CACHE_PREFIX}guides-v1`;
export const IMAGE_CACHE = `${API_CACHE_PREFIX}images-v1`;
export const ALERT_CACHE = `${API_CACHE_PREFIX}alerts-v1`;

/** Set on a response the worker answered from its cache: when that copy was saved (ISO time). */
export const SAVED_AT_HEADER = 'x-assay-saved-at';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** One guide as JSON (not its PDF). */
export const GUIDE_PATH = new RegExp(`^/api/catalogue/products/${UUID}$`, 'i');
/** A picture at thumbnail or display size. */
export const IMAGE_PATH = new RegExp(`^/api/images/${UUID}/(thumbnail|display)$`, 'i');
export const ALERT_INBOX_PATH = /^\/api\/alerts\/inbox$/;
