import { describe, expect, it } from 'vitest';
import {
  checkExporter,
  checkShipment,
  type KnownSupplyChain,
  knownOriginCountries,
  knownPorts,
  normaliseCompanyName,
} from './supply-check.js';

const chain: KnownSupplyChain = {
  entries: [
    { role: 'manufacturer', name: 'Halvorsen Pharma Produksjon AS', countryCode: 'NO', eori: 'NO987654321' },
    {
      role: 'exporter',
      name: 'Société Générale d’Exportation Vérane S.A.R.L.',
      countryCode: 'FR',
      eori: null,
    },
    {
      role: 'exporter',
      name: 'Nordlys Logistics GmbH & Co. KG',
      countryCode: 'DE',
      eori: 'DE123456789012345',
    },
    { role: 'importer', name: 'Importadora Brisa S.A.', countryCode: 'ES', eori: null },
  ],
  routes: [
    {
      originCountry: 'NO',
      transitCountries: ['DE'],
      destinationCountry: 'FR',
      ports: ['NOOSL', 'FRLEH'],
      transportMode: 'SEA',
    },
    {
      originCountry: 'DE',
      transitCountries: [],
      destinationCountry: 'ES',
      ports: ['DEHAM'],
      transportMode: null,
    },
  ],
};

describe('normaliseCompanyName', () => {
  it.each([
    ['ACME Trading Ltd.', 'acme trading'],
    ['Acme Trading Limited', 'acme trading'],
    ['acme  trading, ltd', 'acme trading'],
    ['Müller Handels GmbH', 'muller handels'],
    ['Société Vérane SARL', 'societe verane'],
    ['Société Vérane S.A.R.L.', 'societe verane'],
    ['Importadora Brisa S.A.', 'importadora brisa'],
    ['Importadora Brisa, S. A.', 'importadora brisa'],
    ['Nordlys Logistics GmbH & Co. KG', 'nordlys logistics'],
    ['SARL Dupont Frères', 'dupont freres'],
    ['Hop & Barley Co., Ltd.', 'hop and barley'],
  ])('reads %s as %s', (name, expected) => {
    expect(normaliseCompanyName(name)).toBe(expected);
  });

  it('keeps a name made only of a legal form rather than emptying it', () => {
    expect(normaliseCompanyName('Company Ltd')).toBe('company');
  });

  it('keeps legal-form words in the middle of a name', () => {
    expect(normaliseCompanyName('Smith & Co Trading Ltd')).toBe('smith and co trading');
  });
});

describe('checkExporter', () => {
  it('recognises a known exporter whatever the case, accents, punctuation and legal form', () => {
    const result = checkExporter('SOCIETE GENERALE D EXPORTATION VERANE', chain);
    expect(result.outcome).toBe('expected');
    expect(result.match?.countryCode).toBe('FR');
  });

  it('accepts the manufacturer shipping its own goods', () => {
    expect(checkExporter('Halvorsen Pharma Produksjon A/S', chain).outcome).toBe('expected');
  });

  it('recognises an exporter by its EORI number, spaces allowed', () => {
    expect(checkExporter('no 987654321', chain)).toMatchObject({
      outcome: 'expected',
      match: { name: 'Halvorsen Pharma Produksjon AS' },
    });
  });

  it('does not take an importer for an exporter', () => {
    expect(checkExporter('Importadora Brisa', chain).outcome).toBe('unexpected');
  });

  it('flags a look-alike name as similar, naming the party it imitates', () => {
    const result = checkExporter('Nordlys Logistlcs GmbH', chain);
    expect(result.outcome).toBe('similar');
    expect(result.match?.name).toBe('Nordlys Logistics GmbH & Co. KG');
    expect(checkExporter('Nordlys Logistics Hong Kong Ltd', chain).outcome).toBe('similar');
  });

  it('says unexpected for an unknown exporter', () => {
    expect(checkExporter('Shenzhen Bright Star Trading Co., Ltd.', chain)).toEqual({
      outcome: 'unexpected',
      match: null,
    });
  });

  it('says unknown when the rights holder listed nobody who ships the goods', () => {
    expect(checkExporter('Anyone', { entries: [], routes: [] }).outcome).toBe('unknown');
  });
});

describe('checkShipment', () => {
  it('checks only what was declared', () => {
    expect(checkShipment({}, chain)).toEqual({
      exporter: null,
      originCountry: null,
      route: null,
      port: null,
    });
  });

  it('accepts an origin on a known route or where a known exporter is', () => {
    expect(checkShipment({ originCountry: 'NO' }, chain).originCountry).toBe('expected');
    expect(checkShipment({ originCountry: 'fr' }, chain).originCountry).toBe('expected');
    expect(checkShipment({ originCountry: 'CN' }, chain).originCountry).toBe('unexpected');
  });

  it('compares ports as UN/LOCODEs, spaces and case aside', () => {
    expect(checkShipment({ port: 'fr leh' }, chain).port).toBe('expected');
    expect(checkShipment({ port: 'NLRTM' }, chain).port).toBe('unexpected');
  });

  it('accepts a route from a known origin to its destination or a transit country, by its mode', () => {
    expect(checkShipment({ originCountry: 'NO', destinationCountry: 'FR' }, chain).route).toBe('expected');
    expect(checkShipment({ originCountry: 'NO', destinationCountry: 'DE' }, chain).route).toBe('expected');
    expect(
      checkShipment({ originCountry: 'NO', destinationCountry: 'FR', transportMode: 'SEA' }, chain).route,
    ).toBe('expected');
    expect(
      checkShipment({ originCountry: 'NO', destinationCountry: 'FR', transportMode: 'AIR' }, chain).route,
    ).toBe('unexpected');
    // A route with no mode given accepts any mode.
    expect(
      checkShipment({ originCountry: 'DE', destinationCountry: 'ES', transportMode: 'ROAD' }, chain).route,
    ).toBe('expected');
    expect(checkShipment({ originCountry: 'NO', destinationCountry: 'ES' }, chain).route).toBe('unexpected');
  });

  it('says unknown where the rights holder gave no routes', () => {
    const noRoutes = { entries: [], routes: [] };
    expect(checkShipment({ originCountry: 'NO', destinationCountry: 'FR', port: 'FRLEH' }, noRoutes)).toEqual(
      {
        exporter: null,
        originCountry: 'unknown',
        route: 'unknown',
        port: 'unknown',
      },
    );
  });
});

describe('known lists', () => {
  it('lists origin countries and ports for the officer to pick from', () => {
    expect(knownOriginCountries(chain)).toEqual(['DE', 'FR', 'NO']);
    expect(knownPorts(chain)).toEqual(['DEHAM', 'FRLEH', 'NOOSL']);
  });
});
