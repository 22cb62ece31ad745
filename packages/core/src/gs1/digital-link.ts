import { GS1_DIGITAL_LINK_ALPHAS, GS1_DIGITAL_LINK_KEY_ORDER, gs1Ai, gs1AiLength } from './ai-table.js';
import type { ElementsResult } from './element-string.js';
import { type Gs1Error, gs1Error } from './errors.js';
import type { Gs1Element } from './types.js';
import { readValue } from './values.js';

/** scheme, authority, path, query; the fragment is left out. */
const URI = /^(https?:\/\/[^/?#]*)([^?#]*)(?:\?([^#]*))?/i;

/** A host name (starting with a letter, unlike element strings) and a path, as typed without https://. */
const HOST_AND_PATH = /^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d+)?\//i;

/** The web address in the text, with `https://` added when it was typed without a scheme. */
export function webAddress(text: string): { uri: string; added: number } | undefined {
  if (/^https?:\/\//i.test(text)) return { uri: text, added: 0 };
  return HOST_AND_PATH.test(text) ? { uri: `https://${text}`, added: 'https://'.length } : undefined;
}

type Piece = { text: string; position: number };
/** Decoded text, and for each of its UTF-16 units the position in the input it was written at. */
type Decoded = { ok: true; text: string; positions: number[] } | { ok: false; error: Gs1Error };

const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

/** Decodes percent-encoding, keeping track of where each character was written. */
function decode({ text, position }: Piece): Decoded {
  const bad = (at: number): Decoded => ({
    ok: false,
    error: gs1Error('bad_percent_encoding', { position: position + at, text: text.slice(at, at + 3) }),
  });
  let decoded = '';
  const positions: number[] = [];
  let index = 0;
  while (index < text.length) {
    if (text[index] !== '%') {
      decoded += text[index];
      positions.push(position + index);
      index++;
      continue;
    }
    // A run of %XX bytes is one piece of UTF-8.
    const start = index;
    const byteStarts: number[] = [];
    while (text[index] === '%') {
      if (!HEX_PAIR.test(text.slice(index + 1, index + 3))) return bad(index);
      byteStarts.push(index);
      index += 3;
    }
    let characters: string;
    try {
      characters = decodeURIComponent(text.slice(start, index));
    } catch {
      // Not UTF-8.
      return bad(start);
    }
    let byte = 0;
    for (const character of characters) {
      const codePoint = character.codePointAt(0)!;
      for (let unit = 0; unit < character.length; unit++) positions.push(position + byteStarts[byte]!);
      byte += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
    decoded += characters;
  }
  return { ok: true, text: decoded, positions };
}

/** The AI a path segment or query key names: numeric, or a convenience alpha such as `gtin`. */
function aiNamed(name: string): string | undefined {
  if (/^\d+$/.test(name)) return name;
  return Object.hasOwn(GS1_DIGITAL_LINK_ALPHAS, name) ? GS1_DIGITAL_LINK_ALPHAS[name] : undefined;
}

/** Whether an all-digit name has the length of a GS1 AI with those first digits. */
function shapedLikeAi(name: string): boolean {
  return gs1AiLength(name.slice(0, 2)) === name.length;
}

/** GTIN-8, -12 and -13 are written with leading zeros to 14 digits in a Digital Link, but not always. */
function gtin14(ai: string, value: string): string {
  return ai === '01' && /^(\d{8}|\d{12}|\d{13})$/.test(value) ? value.padStart(14, '0') : value;
}

/**
 * Reads a GS1 Digital Link URI: any domain and path prefix, then the primary key and its value
 * (e.g. `/01/09506000134352`), key qualifiers in order (`/10/ABC123/21/XYZ`), and other AIs in the
 * query string (`?17=261231`). Percent-encoding is decoded; query parameters that are not AIs
 * (`linkType`, tracking parameters) are ignored.
 *
 * @param offset index in the original input of `text`'s first character
 */
export function parseDigitalLink(text: string, offset: number, referenceYear: number): ElementsResult {
  const uri = URI.exec(text);
  if (!uri) return { ok: false, error: gs1Error('bad_digital_link', {}) };
  const [, origin = '', path = '', query] = uri;

  const segments: Piece[] = [];
  let position = offset + origin.length + 1;
  for (const segment of path.split('/').slice(1)) {
    segments.push({ text: segment, position: position + 1 });
    position += segment.length + 1;
  }
  if (segments.at(-1)?.text === '') segments.pop();

  const decoded: string[] = [];
  const decodedPositions: number[][] = [];
  for (const segment of segments) {
    const result = decode(segment);
    if (!result.ok) return result;
    decoded.push(result.text);
    decodedPositions.push(result.positions);
  }

  // Key and qualifiers come in name/value pairs at the end of the path; the key is the first
  // primary key met walking back pair by pair.
  let keyIndex = -1;
  for (let index = decoded.length - 2; index >= 0; index -= 2) {
    const ai = aiNamed(decoded[index]!);
    if (ai === undefined) break;
    const definition = gs1Ai(ai);
    if (!definition) {
      if (shapedLikeAi(ai)) {
        return { ok: false, error: gs1Error('unknown_ai', { ai, position: segments[index]!.position }) };
      }
      break;
    }
    if (definition.digitalLinkKey) {
      keyIndex = index;
      break;
    }
  }
  if (keyIndex < 0) return { ok: false, error: gs1Error('bad_digital_link', {}) };

  const elements: Gs1Element[] = [];
  const positions: number[] = [];
  /** Reads one AI's data; `named` is where the AI is named, `at` where each character was written. */
  const read = (ai: string, value: string, named: number, at: number[]): Gs1Error | undefined => {
    const definition = gs1Ai(ai)!;
    const data = gtin14(ai, value);
    // Leading zeros added to a short GTIN stand where it starts.
    const padding = data.length - value.length;
    const positionOf = (i: number) => at[Math.max(0, i - padding)] ?? (at.at(-1) ?? named) + 1;
    const result = readValue(definition, data, positionOf, referenceYear);
    if (!result.ok) return result.error;
    elements.push(result.element);
    positions.push(named);
    return undefined;
  };

  const keyAi = aiNamed(decoded[keyIndex]!)!;
  const key = gs1Ai(keyAi)!;
  const keyError = read(
    keyAi,
    decoded[keyIndex + 1]!,
    segments[keyIndex]!.position,
    decodedPositions[keyIndex + 1]!,
  );
  if (keyError) return { ok: false, error: keyError };

  let sequence: readonly string[] | undefined;
  let previous = -1;
  for (let index = keyIndex + 2; index < decoded.length; index += 2) {
    const ai = aiNamed(decoded[index]!)!;
    const definition = gs1Ai(ai)!;
    const at = segments[index]!.position;
    sequence ??= key.digitalLinkKey?.qualifiers.find((candidate) => candidate.includes(ai));
    const place = sequence?.indexOf(ai) ?? -1;
    if (place < 0) {
      const params = { ai, title: definition.title, keyAi, keyTitle: key.title, position: at };
      return { ok: false, error: gs1Error('bad_qualifier', params) };
    }
    // The same qualifier twice is left to the duplicate check.
    if (place < previous) {
      const previousAi = aiNamed(decoded[index - 2]!)!;
      const params = {
        ai,
        title: definition.title,
        previousAi,
        previousTitle: gs1Ai(previousAi)!.title,
        position: at,
      };
      return { ok: false, error: gs1Error('qualifier_order', params) };
    }
    previous = place;
    const error = read(ai, decoded[index + 1]!, at, decodedPositions[index + 1]!);
    if (error) return { ok: false, error };
  }

  if (query !== undefined) {
    let at = offset + uri[0].length - query.length + 1;
    for (const parameter of query.split('&')) {
      const equals = parameter.indexOf('=');
      const name = decode({ text: equals < 0 ? parameter : parameter.slice(0, equals), position: at });
      if (!name.ok) return name;
      const ai = aiNamed(name.text);
      if (ai !== undefined && equals >= 0 && (gs1Ai(ai) || shapedLikeAi(ai))) {
        if (!gs1Ai(ai)) return { ok: false, error: gs1Error('unknown_ai', { ai, position: at }) };
        const value = decode({ text: parameter.slice(equals + 1), position: at + equals + 1 });
        if (!value.ok) return value;
        const error = read(ai, value.text, at, value.positions);
        if (error) return { ok: false, error };
      }
      at += parameter.length + 1;
    }
  }
  return { ok: true, elements, positions };
}

/** Percent-encodes all but RFC 3986 unreserved characters, as GS1 Digital Link asks. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A GS1 Digital Link URI for the elements: the primary key (01, else 8006, 00, 253, 401, 402, 414,
 * 417, 8003, 8004) and its qualifiers in the path in the standard order, every other element in the
 * query string in the order given.
 *
 * @param base domain and optional path prefix, e.g. `https://brand.example/dl`
 * @returns null when the elements hold no primary key
 */
export function toDigitalLink(
  elements: readonly Pick<Gs1Element, 'ai' | 'value'>[],
  base = 'https://id.gs1.org',
): string | null {
  const keyAi = GS1_DIGITAL_LINK_KEY_ORDER.find((ai) => elements.some((element) => element.ai === ai));
  if (keyAi === undefined) return null;
  const key = elements.find((element) => element.ai === keyAi)!;
  const sequences = gs1Ai(keyAi)?.digitalLinkKey?.qualifiers ?? [];
  // The allowed sequence of qualifiers that covers most of the elements.
  let qualifiers: Pick<Gs1Element, 'ai' | 'value'>[] = [];
  for (const sequence of sequences) {
    const present = sequence.flatMap((ai) => elements.find((element) => element.ai === ai) ?? []);
    if (present.length > qualifiers.length) qualifiers = present;
  }
  const inPath = [key, ...qualifiers];
  const path = inPath.map(({ ai, value }) => `/${ai}/${encode(value)}`).join('');
  const query = elements
    .filter((element) => !inPath.includes(element))
    .map(({ ai, value }) => `${ai}=${encode(value)}`)
    .join('&');
  return `${base.replace(/\/+$/, '')}${path}${query ? `?${query}` : ''}`;
}
