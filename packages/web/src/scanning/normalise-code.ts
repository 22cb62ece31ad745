/** The ASCII group separator that stands for FNC1 between variable-length GS1 element strings. */
export const GROUP_SEPARATOR = '\x1d';

/**
 * Text forms hand-held scanners and people use for the group separator when the real character
 * cannot be typed: `<GS>` (many scanner setups), `^]` (caret notation of Ctrl+]), `{GS}`, and the
 * Unicode symbol ␝.
 */
export const GROUP_SEPARATOR_STAND_INS = ['<GS>', '^]', '{GS}', '\u241d'] as const;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// An AIM symbology identifier some scanners put first (]C1 GS1-128, ]d2 GS1 DataMatrix, ]Q3 GS1 QR, ]E0 EAN).
const SYMBOLOGY_IDENTIFIER = /^\][A-Za-z][0-9A-Za-z]/;

/**
 * A scanned, typed or pasted code made ready for the GS1 parser: group-separator stand-ins (the
 * built-in ones and the officer's own, if set) become the real character, surrounding blanks and line
 * ends go, a scanner's symbology identifier is dropped, and the spaces, dots or dashes people type
 * between the digits under a barcode are removed.
 */
export function normaliseCode(raw: string, standIn = ''): string {
  let code = raw.replace(/^[\s]+|[\s]+$/g, '');
  const standIns = [...GROUP_SEPARATOR_STAND_INS, standIn.trim()].filter(Boolean);
  const pattern = new RegExp(standIns.map(escapeRegExp).join('|'), 'gi');
  code = code.replace(pattern, GROUP_SEPARATOR);
  code = code.replace(SYMBOLOGY_IDENTIFIER, '');
  // A leading separator is the FNC1 that opens a GS1 symbol, not data.
  code = code.replace(new RegExp(`^${GROUP_SEPARATOR}+`), '');
  if (/^[\d\s.-]+$/.test(code)) code = code.replace(/[\s.-]/g, '');
  return code;
}

/** Whether a line typed in the search box is a barcode's content rather than words to search for. */
export function looksLikeCode(normalised: string): boolean {
  return (
    /^\d{8}$|^\d{12,14}$/.test(normalised) ||
    normalised.startsWith('(') ||
    normalised.includes(GROUP_SEPARATOR) ||
    /^https?:\/\/[^/]+\/(?:.+\/)?01\/\d/.test(normalised) ||
    /^01\d{14}/.test(normalised)
  );
}

/** The code with its invisible group separators shown as `<GS>`, for displaying what was read. */
export function showCode(code: string): string {
  return code.replaceAll(GROUP_SEPARATOR, '<GS>');
}
