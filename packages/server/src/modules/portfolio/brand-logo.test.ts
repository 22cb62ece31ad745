import type { OrganisationKind } from '@assay/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;

async function member(kind: OrganisationKind, countryCode: string | null) {
  const org = await makeOrganisation(t.ctx, { kind, countryCode });
  const client = new TestClient(t.app);
  await signIn(client, t.ctx, await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true }));
  return { client, id: org.id };
}

async function uploadLogo(owner: { client: TestClient; id: string }) {
  const png = await sharp({ create: { width: 200, height: 80, channels: 3, background: '#1f3a5f' } })
    .png()
    .toBuffer();
  const response = await owner.client.upload(
    'POST',
    `/api/rights-holders/${owner.id}/images?kind=product`,
    png,
    {
      filename: 'logo.png',
      contentType: 'image/png',
    },
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('brand logos', () => {
  it('are company information: every enforcement user sees them, other companies do not', async () => {
    const owner = await member('rights_holder', 'NO');
    const logoId = await uploadLogo(owner);
    const brand = await owner.client.post(`/api/rights-holders/${owner.id}/brands`, {
      name: 'Cardexa',
      aliases: ['CDX'],
      logoImageId: logoId,
    });
    expect(brand.statusCode, brand.body).toBe(201);
    expect(brand.json().logoImageId).toBe(logoId);

    const officer = await member('customs', 'KE');
    expect((await officer.client.get(`/api/images/${logoId}/thumbnail`)).statusCode).toBe(200);
    const company = (await officer.client.get(`/api/catalogue/rights-holders/${owner.id}`)).json();
    expect(company.brands).toContainEqual(expect.objectContaining({ name: 'Cardexa', logoImageId: logoId }));

    const competitor = await member('rights_holder', 'GB');
    expect((await competitor.client.get(`/api/images/${logoId}/thumbnail`)).statusCode).toBe(404);
  });

  it("refuses another rights holder's image as a logo and can remove the logo", async () => {
    const owner = await member('rights_holder', 'NO');
    const other = await member('rights_holder', 'SE');
    const foreignLogo = await uploadLogo(other);
    const refused = await owner.client.post(`/api/rights-holders/${owner.id}/brands`, {
      name: 'Pulmistat',
      logoImageId: foreignLogo,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('logoImageId');

    const ownLogo = await uploadLogo(owner);
    const { id } = (
      await owner.client.post(`/api/rights-holders/${owner.id}/brands`, {
        name: 'Pulmistat',
        logoImageId: ownLogo,
      })
    ).json();
    const cleared = await owner.client.request('PUT', `/api/rights-holders/${owner.id}/brands/${id}`, {
      name: 'Pulmistat',
      logoImageId: null,
    });
    expect(cleared.json().logoImageId).toBeNull();
  });
});
