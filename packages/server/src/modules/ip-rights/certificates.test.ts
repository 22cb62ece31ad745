import { readdir } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;
let owner: TestClient;
let rightsHolderId: string;
let ipRightId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const certificateUrl = () => `/api/rights-holders/${rightsHolderId}/ip-rights/${ipRightId}/certificate`;

async function storedFiles(): Promise<string[]> {
  const root = `${t.ctx.config.uploads.dir}/certificates/${rightsHolderId}`;
  return readdir(root).catch(() => []);
}

beforeAll(async () => {
  t = await createTestApp();
  const org = await makeOrganisation(t.ctx, { kind: 'rights_holder' });
  rightsHolderId = org.id;
  owner = new TestClient(t.app);
  await signIn(owner, t.ctx, await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true }));
  const created = await owner.post(`/api/rights-holders/${rightsHolderId}/ip-rights`, {
    type: 'trademark',
    registrationNumber: '018234567',
    office: 'EUIPO',
    classes: [5],
    ownerName: 'Test Pharma AS',
  });
  expect(created.statusCode, created.body).toBe(201);
  ipRightId = created.json().id;
});
afterAll(() => t.close());

describe('IP right certificates', () => {
  it('keeps an uploaded PDF as sent and gives it back as a download', async () => {
    const response = await owner.upload('PUT', certificateUrl(), PDF, {
      filename: 'certificate.pdf',
      contentType: 'application/pdf',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ contentType: 'application/pdf', bytes: PDF.length });
    const right = (await owner.get(`/api/rights-holders/${rightsHolderId}/ip-rights/${ipRightId}`)).json();
    expect(right.certificate).toMatchObject({ contentType: 'application/pdf', bytes: PDF.length });
    const download = await owner.get(certificateUrl());
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="certificate-.*\.pdf"$/);
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it('re-encodes a scanned certificate without its metadata and replaces the previous file', async () => {
    const scan = await sharp({ create: { width: 800, height: 1100, channels: 3, background: '#f4f1ea' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Artist: 'Scanner operator', Copyright: 'secret' } } })
      .toBuffer();
    expect((await sharp(scan).metadata()).exif).toBeDefined();
    const response = await owner.upload('PUT', certificateUrl(), scan, {
      filename: 'scan.jpg',
      contentType: 'image/jpeg',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().contentType).toBe('image/webp');
    const download = await owner.get(certificateUrl());
    const metadata = await sharp(download.rawPayload).metadata();
    expect(metadata.format).toBe('webp');
    expect(metadata.exif).toBeUndefined();
    expect(await storedFiles()).toHaveLength(1);
  });

  it('refuses a truncated PDF and a file that is neither PDF nor image, keeping the stored one', async () => {
    const truncated = await owner.upload('PUT', certificateUrl(), PDF.subarray(0, 30), { filename: 'c.pdf' });
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json().error.details[0].path).toBe('file');
    const text = await owner.upload('PUT', certificateUrl(), 'just some text', {
      filename: 'certificate.pdf',
    });
    expect(text.statusCode).toBe(415);
    expect((await owner.get(certificateUrl())).headers['content-type']).toBe('image/webp');
    expect(await storedFiles()).toHaveLength(1);
  });

  it('keeps certificates out of reach of other organisations, officers included', async () => {
    for (const kind of ['rights_holder', 'customs'] as const) {
      const org = await makeOrganisation(t.ctx, { kind });
      const other = new TestClient(t.app);
      await signIn(other, t.ctx, await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true }));
      expect((await other.get(certificateUrl())).statusCode, kind).toBe(404);
      expect((await other.upload('PUT', certificateUrl(), PDF, { filename: 'c.pdf' })).statusCode, kind).toBe(
        404,
      );
    }
  });
});
