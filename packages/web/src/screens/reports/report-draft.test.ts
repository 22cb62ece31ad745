import { openCaseBody } from '@assay/core';
import { describe, expect, it } from 'vitest';
import { draftFromLink, emptyDraft, fieldLabelKey, reportBody } from './report-draft';

const productId = '7a0d9a8e-1f7c-4a41-9f0e-2d8c8f1b6a11';
const at = '2026-11-23T10:15:00.000Z';

describe('draftFromLink', () => {
  it('starts from the guide with the scanned code and what the supply-chain check was given', () => {
    const draft = draftFromLink(
      new URLSearchParams({
        productId,
        code: '0104006381333931',
        exporter: 'Nordlys Logistlcs',
        origin: 'cn',
        mode: 'sea',
        locode: 'FRLEH',
      }),
      { destinationCountry: 'FR' },
    );
    expect(draft).toMatchObject({
      source: 'scan',
      productId,
      scannedCode: '0104006381333931',
      exporterName: 'Nordlys Logistlcs',
      originCountry: 'CN',
      destinationCountry: 'FR',
      transportMode: 'SEA',
      locode: 'FRLEH',
    });
  });

  it('is a guide report without a code, a manual one without a product', () => {
    expect(draftFromLink(new URLSearchParams({ productId }), {}).source).toBe('guide');
    expect(draftFromLink(new URLSearchParams(), {}).source).toBe('manual');
  });

  it('ignores an unknown transport mode', () => {
    expect(draftFromLink(new URLSearchParams({ mode: 'TELEPORT' }), {}).transportMode).toBe('');
  });
});

describe('reportBody', () => {
  it('leaves out what was not filled in and is accepted by the API schema', () => {
    const body = reportBody(
      { ...emptyDraft(), productId, source: 'guide', goodsDescription: 'Blister packs' },
      at,
    );
    expect(body).toEqual({
      source: 'guide',
      productIds: [productId],
      scannedCode: undefined,
      observedAt: at,
      location: { office: undefined, locode: undefined },
      shipment: {
        transportMode: undefined,
        originCountry: undefined,
        destinationCountry: undefined,
        exporterName: undefined,
        importerName: undefined,
        hsCode: undefined,
        declaredValue: undefined,
        currency: undefined,
        smallConsignment: undefined,
      },
      goods: [{ productId, description: 'Blister packs', quantity: 1 }],
      notes: undefined,
      perishable: false,
    });
    expect(openCaseBody.safeParse(body).success).toBe(true);
  });

  it('reads decimal commas, yes/no and trims text', () => {
    const body = reportBody(
      {
        ...emptyDraft(),
        goodsDescription: ' Tablets ',
        quantity: '1 200',
        declaredValue: '1 250,50',
        currency: 'eur',
        smallConsignment: 'no',
        transportMode: 'POST',
        exporterName: '  Shenzhen Bright Star Trading  ',
      },
      at,
    );
    expect(body.goods?.[0]?.quantity).toBe(1200);
    expect(body.shipment?.declaredValue).toBe(1250.5);
    expect(body.shipment?.smallConsignment).toBe(false);
    expect(body.shipment?.exporterName).toBe('Shenzhen Bright Star Trading');
    const parsed = openCaseBody.parse(body);
    expect(parsed.shipment.currency).toBe('EUR');
    expect(parsed.goods[0]?.description).toBe('Tablets');
  });

  it('asks for the shorter deadline of perishable goods, also from a draft saved before the question existed', () => {
    expect(
      reportBody({ ...emptyDraft(), goodsDescription: 'Strawberries', perishable: true }, at).perishable,
    ).toBe(true);
    const { perishable: _, ...older } = emptyDraft();
    expect(reportBody(older as ReturnType<typeof emptyDraft>, at).perishable).toBe(false);
  });

  it('lets the API schema name the fields at fault', () => {
    const body = reportBody(
      { ...emptyDraft(), goodsDescription: '', quantity: 'twelve', declaredValue: '10' },
      at,
    );
    const result = openCaseBody.safeParse(body);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(['goods.0.description', 'goods.0.quantity', 'shipment.currency']);
  });
});

describe('fieldLabelKey', () => {
  it('names the form field behind every path the API schema can refuse', () => {
    const body = reportBody(
      {
        ...emptyDraft(),
        goodsDescription: '',
        quantity: '0',
        declaredValue: '-1',
        originCountry: 'XX',
        destinationCountry: 'YY',
        hsCode: '12',
        currency: 'EURO',
        locode: 'nowhere',
      },
      at,
    );
    const paths = openCaseBody.safeParse(body).error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) expect(fieldLabelKey(path), path).not.toBeNull();
  });
});
