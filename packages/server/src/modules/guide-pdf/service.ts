import type { Actor, GuideView } from '@assay/core';
import { notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { ImageService } from '../images/service.js';
import type { PortfolioService } from '../portfolio/service.js';
import { renderGuidePdf } from './render.js';

/**
 * Product guides as PDF for the inspection bench. The PDF is drawn from exactly what `guide()`
 * returns to the reader, so it can never show more than the on-screen guide (covert points only
 * with covert access), and it counts as a view the same way.
 */
export function createGuidePdfService(deps: {
  portfolio: Pick<PortfolioService, 'guide' | 'managedRightsHolder'>;
  images: Pick<ImageService, 'printable'>;
  clock: Clock;
}) {
  const { portfolio, images, clock } = deps;

  async function render(guide: GuideView, lang: string) {
    const imageIds = [
      ...guide.images.map((image) => image.imageId),
      ...guide.guidePoints.flatMap((point) =>
        [point.genuineImageId, point.counterfeitImageId].filter((id): id is string => id !== null),
      ),
    ];
    const pdf = await renderGuidePdf({
      guide,
      lang,
      generatedAt: clock.now(),
      images: await images.printable(imageIds),
    });
    return { pdf, reference: guide.reference };
  }

  return {
    /** The guide of a product shared with the reader's organisation (or their own). */
    async forReader(actor: Actor, productId: string, lang: string, ip: string | null) {
      return render(await portfolio.guide(actor, productId, lang, ip), lang);
    },

    /** The guide of a product of a rights holder the reader manages, as an officer with every share would see it. */
    async forOwner(actor: Actor, rightsHolderId: string, productId: string, lang: string, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      const guide = await portfolio.guide(actor, productId, lang, ip);
      if (guide.rightsHolder.id !== rightsHolderId) throw notFound('Product');
      return render(guide, lang);
    },
  };
}

export type GuidePdfService = ReturnType<typeof createGuidePdfService>;
