import type { SupplyChainRole, TransportMode } from '../api/portfolio-records.js';

/**
 * The officer's quick check at the bench: is this shipment coming the way genuine goods come?
 * A declared exporter, origin, route or port is compared with the rights holder's legitimate supply
 * chain. Pure: the guide carries the supply chain, the check runs in the browser, offline too.
 */

export interface KnownParty {
  role: SupplyChainRole;
  name: string;
  countryCode: string;
  eori?: string | null;
}

export interface KnownRoute {
  originCountry: string;
  transitCountries: string[];
  destinationCountry: string;
  ports: string[];
  transportMode: TransportMode | null;
}

export interface KnownSupplyChain {
  entries: KnownParty[];
  routes: KnownRoute[];
}

/** What the officer reads on the declaration; every field optional. */
export interface DeclaredShipment {
  exporter?: string;
  originCountry?: string;
  destinationCountry?: string;
  transportMode?: TransportMode;
  /** UN/LOCODE of the port, airport or border crossing, spaces allowed (`FR LEH`). */
  port?: string;
}

/**
 * `expected`: among the rights holder's known ones; `similar`: close to a known name without being it
 * (a look-alike name is itself a warning sign); `unexpected`: not among the known ones;
 * `unknown`: the rights holder gave nothing to compare with.
 */
export type SupplyCheckOutcome = 'expected' | 'similar' | 'unexpected' | 'unknown';

export interface ExporterCheck {
  outcome: SupplyCheckOutcome;
  /** The known party matched (or resembled). */
  match: KnownParty | null;
}

export interface SupplyCheck {
  exporter: ExporterCheck | null;
  originCountry: SupplyCheckOutcome | null;
  route: SupplyCheckOutcome | null;
  port: SupplyCheckOutcome | null;
}

/** Parties that legitimately ship the goods: a declared exporter may be any of them. */
const SHIPPING_ROLES: readonly SupplyChainRole[] = ['exporter', 'manufacturer', 'distributor', 'licensee'];

/**
 * Legal-form words dropped from either end of a company name, written as they are after
 * normalisation (lower case, no accents or punctuation, runs of single letters joined: `S.A.` → `sa`).
 */
const LEGAL_FORMS = new Set([
  'ab',
  'ag',
  'aps',
  'as',
  'asa',
  'bv',
  'bvba',
  'cia',
  'co',
  'company',
  'corp',
  'corporation',
  'cv',
  'eirl',
  'eurl',
  'gie',
  'gmbh',
  'inc',
  'incorporated',
  'kft',
  'kg',
  'kk',
  'limited',
  'llc',
  'llp',
  'lp',
  'ltd',
  'ltda',
  'nv',
  'oy',
  'oyj',
  'plc',
  'pte',
  'pty',
  'pvt',
  'sa',
  'sab',
  'sac',
  'sae',
  'sarl',
  'sas',
  'sasu',
  'sl',
  'sll',
  'snc',
  'spa',
  'sp',
  'spzoo',
  'srl',
  'sro',
  'ug',
  'zoo',
]);

/**
 * A company name reduced for comparison: case, accents, punctuation and legal-form suffixes or
 * prefixes (Ltd, GmbH, SARL, S.A., Co.…) do not count. `&` reads as `and`.
 */
export function normaliseCompanyName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  // Initials written with dots or spaces (S.A., S A R L) become one word: `sa`, `sarl`.
  const joined: string[] = [];
  let inInitials = false;
  for (const word of words) {
    const initial = word.length === 1 && /\p{L}/u.test(word);
    if (initial && inInitials) joined[joined.length - 1] += word;
    else joined.push(word);
    inInitials = initial;
  }
  let start = 0;
  let end = joined.length;
  // `GmbH & Co. KG`: the `and` between two legal forms goes with them.
  const dropped = (word: string | undefined) =>
    word !== undefined && (LEGAL_FORMS.has(word) || word === 'and');
  while (end > start + 1 && dropped(joined[end - 1])) end--;
  while (end > start + 1 && dropped(joined[start])) start++;
  return joined.slice(start, end).join(' ');
}

/** Edit distance (insertions, deletions, substitutions), bounded: stops counting past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

/** A look-alike: one or two letters apart (scaled to length), or one name's words inside the other's. */
function resembles(declared: string, known: string): boolean {
  const limit = known.length >= 12 ? 2 : known.length >= 6 ? 1 : 0;
  if (limit > 0 && editDistance(declared, known, limit) <= limit) return true;
  const padded = (value: string) => ` ${value} `;
  const shorter = declared.length < known.length ? declared : known;
  const longer = shorter === declared ? known : declared;
  return shorter.length >= 4 && padded(longer).includes(padded(shorter));
}

const compactCode = (value: string) => value.replace(/[\s-]+/g, '').toUpperCase();

/** Checks a declared exporter name (or EORI number) against the parties that ship genuine goods. */
export function checkExporter(declared: string, chain: KnownSupplyChain): ExporterCheck {
  const parties = chain.entries.filter((entry) => SHIPPING_ROLES.includes(entry.role));
  if (parties.length === 0) return { outcome: 'unknown', match: null };
  const name = normaliseCompanyName(declared);
  // Compared without spaces too: `D'Exportation` and `D Exportation` are the same name.
  const key = name.replace(/ /g, '');
  const code = compactCode(declared);
  const exact = parties.find(
    (party) =>
      normaliseCompanyName(party.name).replace(/ /g, '') === key ||
      (party.eori && compactCode(party.eori) === code),
  );
  if (exact) return { outcome: 'expected', match: exact };
  const similar = name
    ? parties.find((party) => resembles(name, normaliseCompanyName(party.name)))
    : undefined;
  return similar ? { outcome: 'similar', match: similar } : { outcome: 'unexpected', match: null };
}

/** Countries genuine goods leave from: route origins and the countries of those who ship them. */
export function knownOriginCountries(chain: KnownSupplyChain): string[] {
  const countries = new Set(chain.routes.map((route) => route.originCountry));
  for (const entry of chain.entries) {
    if (entry.role === 'exporter' || entry.role === 'manufacturer') countries.add(entry.countryCode);
  }
  return [...countries].sort();
}

/** Every UN/LOCODE on a known route, sorted. */
export function knownPorts(chain: KnownSupplyChain): string[] {
  return [...new Set(chain.routes.flatMap((route) => route.ports.map(compactCode)))].sort();
}

function checkRoute(declared: DeclaredShipment, routes: KnownRoute[]): SupplyCheckOutcome | null {
  if (!declared.originCountry || !declared.destinationCountry) return null;
  if (routes.length === 0) return 'unknown';
  const origin = declared.originCountry.toUpperCase();
  const destination = declared.destinationCountry.toUpperCase();
  const matches = routes.filter(
    (route) =>
      route.originCountry === origin &&
      (route.destinationCountry === destination || route.transitCountries.includes(destination)) &&
      (!declared.transportMode || !route.transportMode || route.transportMode === declared.transportMode),
  );
  return matches.length > 0 ? 'expected' : 'unexpected';
}

/** The whole quick check; a field left empty is not checked (null). */
export function checkShipment(declared: DeclaredShipment, chain: KnownSupplyChain): SupplyCheck {
  const exporter = declared.exporter?.trim() ? checkExporter(declared.exporter, chain) : null;

  let originCountry: SupplyCheckOutcome | null = null;
  if (declared.originCountry) {
    const known = knownOriginCountries(chain);
    originCountry =
      known.length === 0
        ? 'unknown'
        : known.includes(declared.originCountry.toUpperCase())
          ? 'expected'
          : 'unexpected';
  }

  let port: SupplyCheckOutcome | null = null;
  if (declared.port?.trim()) {
    const known = knownPorts(chain);
    port =
      known.length === 0 ? 'unknown' : known.includes(compactCode(declared.port)) ? 'expected' : 'unexpected';
  }

  return { exporter, originCountry, route: checkRoute(declared, chain.routes), port };
}
