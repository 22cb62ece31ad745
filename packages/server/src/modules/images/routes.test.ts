import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { OrganisationKind, Role } from '@assay/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../config.js';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;
let rightsHolderId: string;
let owner: TestClient;
let brandId: string;

const text = (en: string) => ({ original: 'en', texts: { en } });

function upload(
  client: TestClient,
  bytes: Buffer,
  filename = 'photo.jpg',
  contentType = 'image/jpeg',
  holder = rightsHolderId,
  query = '',
) {
  return client.upload('POST', `/api/rights-holders/${holder}/images${query}`, bytes, {
    filename,
    contentType,
  });
}

const picture = (width: number, height: number, colour = '#c03030') =>
  sharp({ create: { width, height, channels: 3, background: colour } });

async function uploaded(client: TestClient, bytes: Buffer, query = ''): Promise<string> {
  const response = await upload(client, bytes, 'photo.png', 'image/png', rightsHolderId, query);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** Every file under the upload directory, temporary ones included. */
async function storedFiles(): Promise<string[]> {
  try {
    return (await readdir(t.ctx.config.uploads.dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

async function client(kind: OrganisationKind, countryCode: string | null, roles: Role[] = ['officer']) {
  const org = await makeOrganisation(t.ctx, { kind, countryCode });
  const user = await makeUser(t.ctx, org.id, { roles, twoFactor: true });
  const signedIn = new TestClient(t.app);
  await signIn(signedIn, t.ctx, user);
  return { client: signedIn, organisationId: org.id };
}

beforeAll(async () => {
  t = await createTestApp({ env: { MAX_UPLOAD_MB: '1' } });
  const rightsHolder = await client('rights_holder', 'NO', ['admin']);
  owner = rightsHolder.client;
  rightsHolderId = rightsHolder.organisationId;
  const brand = await owner.post(`/api/rights-holders/${rightsHolderId}/brands`, { name: 'Norvalin' });
  brandId = brand.json().id;
});
afterAll(() => t.close());

describe('uploading images', () => {
  it('refuses a caller who is not signed in', async () => {
    const response = await upload(new TestClient(t.app), await picture(10, 10).png().toBuffer());
    expect(response.statusCode).toBe(401);
  });

  it('re-encodes a PNG as WebP in a display size and a thumbnail', async () => {
    const png = await picture(3000, 2000).png().toBuffer();
    const response = await upload(owner, png, 'box.png', 'image/png', rightsHolderId, '?kind=packaging');
    expect(response.statusCode, response.body).toBe(201);
    const image = response.json();
    expect(image).toMatchObject({
      kind: 'packaging',
      contentType: 'image/webp',
      width: 1600,
      height: 1067,
      thumbnailUrl: `/api/images/${image.id}/thumbnail`,
      displayUrl: `/api/images/${image.id}/display`,
    });
    const display = await owner.get(image.displayUrl);
    expect(display.statusCode).toBe(200);
    expect(display.headers['content-type']).toBe('image/webp');
    expect(display.headers['cache-control']).toMatch(/^private/);
    expect(display.rawPayload.length).toBe(image.bytes);
    expect(await sharp(display.rawPayload).metadata()).toMatchObject({
      format: 'webp',
      width: 1600,
      height: 1067,
    });
    const thumbnail = await owner.get(image.thumbnailUrl);
    expect(await sharp(thumbnail.rawPayload).metadata()).toMatchObject({
      format: 'webp',
      width: 320,
      height: 213,
    });
  });

  it('turns a JPEG upright by its EXIF orientation, then strips EXIF and every other metadata', async () => {
    const jpeg = await picture(400, 200)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Artist: 'Field photographer', Copyright: 'Norvalin AS' } })
      .toBuffer();
    const before = await sharp(jpeg).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);
    const response = await upload(owner, jpeg);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ width: 200, height: 400 });
    for (const rendition of ['display', 'thumbnail']) {
      const stored = (await owner.get(`/api/images/${response.json().id}/${rendition}`)).rawPayload;
      const metadata = await sharp(stored).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      expect(stored.includes('Field photographer')).toBe(false);
    }
  });

  it('accepts WebP, AVIF and the first frame of a GIF', async () => {
    for (const [bytes, name] of [
      [await picture(50, 40).webp().toBuffer(), 'a.webp'],
      [await picture(50, 40).avif().toBuffer(), 'a.avif'],
      [await picture(50, 40).gif().toBuffer(), 'a.gif'],
    ] as const) {
      const response = await upload(owner, bytes, name, 'application/octet-stream');
      expect(response.statusCode, name).toBe(201);
      expect(response.json()).toMatchObject({ width: 50, height: 40, kind: 'product' });
    }
  });

  describe('refusals leave nothing behind', () => {
    let filesBefore: string[];
    let imagesBefore: number;
    const imageCount = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('images')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      filesBefore = await storedFiles();
      imagesBefore = await imageCount();
    });

    it('refuses a text file named .jpg, whatever type it declares (415)', async () => {
      const response = await upload(owner, Buffer.from('just some text, not a photo\n'.repeat(20)));
      expect(response.statusCode).toBe(415);
      expect(response.json().error).toMatchObject({
        code: 'validation_failed',
        details: [{ path: 'file' }],
      });
      expect(response.json().error.message).toMatch(/JPEG, PNG, WebP/);
    });

    it('refuses an SVG and a TIFF, which the image library could read but are not accepted', async () => {
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>');
      expect((await upload(owner, svg, 'x.jpg')).statusCode).toBe(415);
      const tiff = await picture(10, 10).tiff().toBuffer();
      const response = await upload(owner, tiff, 'x.png', 'image/png');
      expect(response.statusCode).toBe(415);
      expect(response.json().error.message).toMatch(/TIFF/);
    });

    it('refuses a truncated JPEG with a clear message (400)', async () => {
      const jpeg = await picture(800, 600).jpeg().toBuffer();
      const response = await upload(owner, jpeg.subarray(0, Math.floor(jpeg.length / 2)));
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'validation_failed',
        message: expect.stringMatching(/truncated or corrupt/),
      });
    });

    it('refuses a file above MAX_UPLOAD_MB (413)', async () => {
      const response = await upload(owner, randomBytes(1024 * 1024 + 10), 'big.png', 'image/png');
      expect(response.statusCode).toBe(413);
      expect(response.json().error).toMatchObject({
        code: 'payload_too_large',
        message: expect.stringMatching(/1 MB/),
      });
    });

    it('refuses a decompression bomb: a small file of 100 megapixels (413)', async () => {
      const bomb = await picture(10_000, 10_000, '#ffffff').png({ compressionLevel: 9 }).toBuffer();
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const response = await upload(owner, bomb, 'bomb.png', 'image/png');
      expect(response.statusCode).toBe(413);
      expect(response.json().error.message).toMatch(/10000 × 10000 pixels.*40 megapixels/);
    });

    it('refuses a request that is not multipart (415) and one without a file (400)', async () => {
      const json = await owner.post(`/api/rights-holders/${rightsHolderId}/images`, { file: 'x' });
      expect(json.statusCode).toBe(415);
      const boundary = 'xyz';
      const empty = await owner.request(
        'POST',
        `/api/rights-holders/${rightsHolderId}/images`,
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--${boundary}--\r\n`,
        ),
        { 'content-type': `multipart/form-data; boundary=${boundary}` },
      );
      expect(empty.statusCode).toBe(400);
    });

    it('refuses an upload into another rights holder’s portfolio (404)', async () => {
      const stranger = (await client('rights_holder', 'DE', ['admin'])).client;
      const response = await upload(stranger, await picture(10, 10).png().toBuffer());
      expect(response.statusCode).toBe(404);
    });

    it('has stored no file and no row for any of them', async () => {
      expect(await storedFiles()).toEqual(filesBefore);
      expect(await imageCount()).toBe(imagesBefore);
    });
  });

  it('lists the rights holder’s images for its own side only', async () => {
    const list = await owner.get(`/api/rights-holders/${rightsHolderId}/images`);
    expect(list.statusCode).toBe(200);
    expect(list.json().images.length).toBeGreaterThanOrEqual(4);
    const stranger = (await client('customs', 'FR')).client;
    expect((await stranger.get(`/api/rights-holders/${rightsHolderId}/images`)).statusCode).toBe(404);
  });
});

describe('linking images to products and guide points', () => {
  it('keeps the gallery order and each guide point’s genuine and counterfeit image', async () => {
    const [front, label, genuine, fake] = [
      await uploaded(owner, await picture(60, 40).png().toBuffer()),
      await uploaded(owner, await picture(60, 40).png().toBuffer(), '?kind=label'),
      await uploaded(owner, await picture(60, 40).png().toBuffer()),
      await uploaded(owner, await picture(60, 40).png().toBuffer()),
    ];
    const created = await owner.post(`/api/rights-holders/${rightsHolderId}/products`, {
      brandId,
      reference: 'IMG-1',
      name: text('Norvalin 500 mg'),
      category: 'analgesics',
      images: [{ imageId: label, kind: 'label' }, { imageId: front }],
      guidePoints: [
        {
          title: text('Seal'),
          body: text('Hologram'),
          visibility: 'overt',
          genuineImageId: genuine,
          counterfeitImageId: fake,
        },
        { title: text('Font'), body: text('Serif'), visibility: 'overt' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().images).toEqual([
      { imageId: label, kind: 'label', width: 60, height: 40 },
      { imageId: front, kind: 'product', width: 60, height: 40 },
    ]);
    expect(created.json().guidePoints).toMatchObject([
      { genuineImageId: genuine, counterfeitImageId: fake },
      { genuineImageId: null, counterfeitImageId: null },
    ]);
  });

  it('refuses an image of another rights holder, naming the field', async () => {
    const other = await client('rights_holder', 'DE', ['admin']);
    const foreign = (
      await upload(
        other.client,
        await picture(20, 20).png().toBuffer(),
        'x.png',
        'image/png',
        other.organisationId,
      )
    ).json().id;
    const body = (overrides: Record<string, unknown>) => ({
      brandId,
      reference: 'IMG-FOREIGN',
      name: text('Norvalin 1 g'),
      category: 'analgesics',
      ...overrides,
    });
    const gallery = await owner.post(
      `/api/rights-holders/${rightsHolderId}/products`,
      body({ images: [{ imageId: foreign }] }),
    );
    expect(gallery.statusCode).toBe(400);
    expect(gallery.json().error.details).toEqual([
      { path: 'images.0.imageId', message: 'No such image in this portfolio' },
    ]);
    const point = await owner.post(
      `/api/rights-holders/${rightsHolderId}/products`,
      body({
        guidePoints: [
          { title: text('a'), body: text('b'), visibility: 'overt' },
          { title: text('c'), body: text('d'), visibility: 'covert', counterfeitImageId: foreign },
        ],
      }),
    );
    expect(point.statusCode).toBe(400);
    expect(point.json().error.details[0].path).toBe('guidePoints.1.counterfeitImageId');
    const list = await owner.get(`/api/rights-holders/${rightsHolderId}/products`);
    expect(list.body).not.toContain('IMG-FOREIGN');
  });
});

describe('who may fetch an image', () => {
  const ids = {} as Record<'gallery' | 'overt' | 'covert' | 'covertFake' | 'unused' | 'unshared', string>;
  const viewers = {} as Record<
    'frOfficer' | 'keOfficer' | 'deOfficer' | 'otherRightsHolder' | 'lawFirm' | 'operator',
    TestClient
  >;

  beforeAll(async () => {
    for (const key of Object.keys({
      gallery: 1,
      overt: 1,
      covert: 1,
      covertFake: 1,
      unused: 1,
      unshared: 1,
    }) as (keyof typeof ids)[]) {
      ids[key] = await uploaded(owner, await picture(30, 30).png().toBuffer());
    }
    const fr = await client('customs', 'FR');
    const ke = await client('customs', 'KE');
    viewers.frOfficer = fr.client;
    viewers.keOfficer = ke.client;
    viewers.deOfficer = (await client('police', 'DE')).client;
    viewers.otherRightsHolder = (await client('rights_holder', 'FR', ['admin'])).client;
    viewers.operator = (await client('platform_operator', null, ['admin'])).client;
    const firm = await client('legal_representative', 'IT', ['member']);
    await t.ctx.db
      .insertInto('representations')
      .values({ legal_representative_id: firm.organisationId, rights_holder_id: rightsHolderId })
      .execute();
    viewers.lawFirm = firm.client;

    const shared = await owner.post(`/api/rights-holders/${rightsHolderId}/products`, {
      brandId,
      reference: 'ACCESS-1',
      name: text('Norvalin 250 mg'),
      category: 'analgesics',
      images: [{ imageId: ids.gallery }],
      guidePoints: [
        { title: text('Seal'), body: text('Hologram'), visibility: 'overt', genuineImageId: ids.overt },
        {
          title: text('UV micro-text'),
          body: text('NVX under UV'),
          visibility: 'covert',
          genuineImageId: ids.covert,
          counterfeitImageId: ids.covertFake,
        },
      ],
    });
    expect(shared.statusCode).toBe(201);
    await owner.request('PUT', `/api/rights-holders/${rightsHolderId}/products/${shared.json().id}/shares`, {
      shares: [
        { kind: 'country', countryCode: 'FR' },
        { kind: 'organisation', organisationId: ke.organisationId, includesCovert: true },
      ],
    });
    const unshared = await owner.post(`/api/rights-holders/${rightsHolderId}/products`, {
      brandId,
      reference: 'ACCESS-2',
      name: text('Norvalin 100 mg'),
      category: 'analgesics',
      images: [{ imageId: ids.unshared }],
    });
    expect(unshared.statusCode).toBe(201);
  });

  /** Expected status for each viewer and image, written out from the sharing rules. */
  const matrix: Record<string, Record<keyof typeof ids, 200 | 404>> = {
    owner: { gallery: 200, overt: 200, covert: 200, covertFake: 200, unused: 200, unshared: 200 },
    lawFirm: { gallery: 200, overt: 200, covert: 200, covertFake: 200, unused: 200, unshared: 200 },
    frOfficer: { gallery: 200, overt: 200, covert: 404, covertFake: 404, unused: 404, unshared: 404 },
    keOfficer: { gallery: 200, overt: 200, covert: 200, covertFake: 200, unused: 404, unshared: 404 },
    deOfficer: { gallery: 404, overt: 404, covert: 404, covertFake: 404, unused: 404, unshared: 404 },
    otherRightsHolder: {
      gallery: 404,
      overt: 404,
      covert: 404,
      covertFake: 404,
      unused: 404,
      unshared: 404,
    },
    operator: { gallery: 404, overt: 404, covert: 404, covertFake: 404, unused: 404, unshared: 404 },
  };
  const cases = Object.entries(matrix).flatMap(([viewer, images]) =>
    Object.entries(images).flatMap(([image, status]) =>
      (['thumbnail', 'display'] as const).map((rendition) => ({ viewer, image, status, rendition })),
    ),
  );

  it.each(cases)(
    '$viewer, $image image, $rendition → $status',
    async ({ viewer, image, status, rendition }) => {
      const caller = viewer === 'owner' ? owner : viewers[viewer as keyof typeof viewers];
      const response = await caller.get(`/api/images/${ids[image as keyof typeof ids]}/${rendition}`);
      expect(response.statusCode).toBe(status);
      if (status === 200) expect(response.headers['content-type']).toBe('image/webp');
      else expect(response.json().error.code).toBe('not_found');
    },
  );

  it('refuses anonymous callers and unknown ids', async () => {
    expect((await new TestClient(t.app).get(`/api/images/${ids.gallery}/display`)).statusCode).toBe(401);
    expect((await owner.get('/api/images/00000000-0000-4000-8000-000000000000/display')).statusCode).toBe(
      404,
    );
  });

  it('answers 304 to a cache that already holds the image', async () => {
    const first = await owner.get(`/api/images/${ids.gallery}/thumbnail`);
    const again = await owner.request('GET', `/api/images/${ids.gallery}/thumbnail`, undefined, {
      'if-none-match': String(first.headers.etag),
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('gives an officer the image ids of the guide points they may see, and no others', async () => {
    const productId = (await owner.get(`/api/rights-holders/${rightsHolderId}/products`))
      .json()
      .products.find((p: { reference: string }) => p.reference === 'ACCESS-1').id;
    const guide = await viewers.frOfficer.get(`/api/catalogue/products/${productId}`);
    expect(guide.json().images).toEqual([{ imageId: ids.gallery, kind: 'product', width: 30, height: 30 }]);
    expect(guide.json().guidePoints).toMatchObject([{ genuineImageId: ids.overt, counterfeitImageId: null }]);
    expect(guide.body).not.toContain(ids.covert);
    expect(guide.body).not.toContain(ids.covertFake);
  });
});

describe('deleting images', () => {
  it('deletes an image nothing shows, files included, and refuses one a product shows', async () => {
    const unused = await uploaded(owner, await picture(20, 20).png().toBuffer());
    const used = await uploaded(owner, await picture(20, 20).png().toBuffer());
    const product = await owner.post(`/api/rights-holders/${rightsHolderId}/products`, {
      brandId,
      reference: 'DELETE-1',
      name: text('Norvalin 50 mg'),
      category: 'analgesics',
      guidePoints: [{ title: text('a'), body: text('b'), visibility: 'covert', genuineImageId: used }],
    });
    expect(product.statusCode).toBe(201);
    const files = await storedFiles();
    expect(files.filter((file) => file.includes(unused))).toHaveLength(2);

    const stranger = (await client('rights_holder', 'DE', ['admin'])).client;
    expect((await stranger.delete(`/api/rights-holders/${rightsHolderId}/images/${unused}`)).statusCode).toBe(
      404,
    );
    const refused = await owner.delete(`/api/rights-holders/${rightsHolderId}/images/${used}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual([{ path: 'imageId', message: 'Used by 1 product' }]);
    expect((await owner.get(`/api/images/${used}/display`)).statusCode).toBe(200);

    const deleted = await owner.delete(`/api/rights-holders/${rightsHolderId}/images/${unused}`);
    expect(deleted.statusCode).toBe(204);
    expect((await owner.get(`/api/images/${unused}/display`)).statusCode).toBe(404);
    expect((await storedFiles()).filter((file) => file.includes(unused))).toEqual([]);
    expect((await owner.delete(`/api/rights-holders/${rightsHolderId}/images/${unused}`)).statusCode).toBe(
      404,
    );
  });
});

describe('upload configuration', () => {
  it('keeps uploads in DATA_DIR/uploads, at most 10 MB, unless told otherwise', () => {
    expect(readConfig({ DATA_DIR: '/var/lib/assay' }).uploads).toEqual({
      dir: '/var/lib/assay/uploads',
      maxBytes: 10 * 1024 * 1024,
    });
    expect(readConfig({ UPLOAD_DIR: '/srv/uploads', MAX_UPLOAD_MB: '2.5' }).uploads).toEqual({
      dir: '/srv/uploads',
      maxBytes: 2.5 * 1024 * 1024,
    });
    expect(() => readConfig({ MAX_UPLOAD_MB: '0' })).toThrow(ConfigError);
  });
});

describe('API description', () => {
  it('documents the image and printable guide routes', async () => {
    const response = await owner.get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/rights-holders/{rightsHolderId}/images',
        '/api/images/{imageId}/thumbnail',
        '/api/images/{imageId}/display',
        '/api/catalogue/products/{productId}/guide.pdf',
        '/api/rights-holders/{rightsHolderId}/products/{productId}/guide.pdf',
      ]),
    );
  });
});
