import type { GuideView } from '@assay/core';
import PDFDocument from 'pdfkit';
import { type GuideLabels, guideLabels } from './labels.js';

export interface GuidePdfInput {
  /** The guide exactly as `portfolio.guide()` returned it to this reader. */
  guide: GuideView;
  lang: string;
  generatedAt: Date;
  /** JPEG renditions by image id; an id without one prints as "no image". */
  images: ReadonlyMap<string, Buffer>;
}

type ShownText = GuideView['name'];

const MARGIN = { top: 72, bottom: 64, left: 50, right: 50 };
const COLOURS = { text: '#111111', muted: '#555555', rule: '#bbbbbb', warning: '#a40000', good: '#1b6e20' };
const POINT_IMAGE_HEIGHT = 190;
const GALLERY_IMAGE_HEIGHT = 120;

/** WinAnsi characters beyond Latin-1: what the PDF standard fonts can print besides ASCII and Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the built-in Helvetica can print: Latin-1 plus WinAnsi's extra signs (enough for English,
 * French, Spanish and most Western European languages). Unusual spaces become no-break spaces;
 * anything else unprintable becomes "?" rather than a wrong glyph.
 */
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2000-\u200a\u202f\u205f\u3000]/g, '\u00a0')
    .replace(/[\u2010\u2011\u2212]/g, '-')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[^\n\u0020-\u007e\u00a0-\u00ff]/gu, (char) => (WIN_ANSI_EXTRA.has(char) ? char : '?'));
}

/** A reader-facing text, marked with its language when it is not the reader's. */
function shown(text: ShownText): string {
  return printable(text.isReaderLanguage ? text.text : `[${text.language.toUpperCase()}] ${text.text}`);
}

function hsCode(code: string): string {
  const groups = [code.slice(0, 4), ...(code.slice(4).match(/\d{1,2}/g) ?? [])];
  return groups.join('.');
}

function formatters(lang: string) {
  const locales = [lang, 'en'];
  const regions = new Intl.DisplayNames(locales, { type: 'region', fallback: 'code' });
  const languages = new Intl.DisplayNames(locales, { type: 'language', fallback: 'code' });
  return {
    country: (code: string) => `${regions.of(code) ?? code} (${code})`,
    money: (amount: number, currency: string) =>
      new Intl.NumberFormat(locales, { style: 'currency', currency }).format(amount),
    language: (code: string) => languages.of(code) ?? code,
    day: (isoDate: string) =>
      new Intl.DateTimeFormat(locales, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(isoDate)),
    date: (date: Date) =>
      `${new Intl.DateTimeFormat(locales, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`,
  };
}

/**
 * A printable product guide for the inspection bench: identity, gallery, each guide point with its
 * genuine and counterfeit images side by side, counterfeit indicators; a confidentiality header, the
 * generation date and page numbers on every page. Text stays text (searchable, copyable).
 */
export function renderGuidePdf(input: GuidePdfInput): Promise<Buffer> {
  const { guide, lang, generatedAt, images } = input;
  const labels = guideLabels(lang);
  const format = formatters(lang);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang,
    displayTitle: true,
    info: {
      Title: printable(`${guide.brandName} — ${guide.name.text}`),
      Author: printable(guide.rightsHolder.name),
      Subject: printable(labels.confidential),
      Creator: 'Assay',
      CreationDate: generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  const contentHeight = doc.page.height - MARGIN.top - MARGIN.bottom;
  /** Start a new page unless `height` still fits on this one (or would not fit on any). */
  const keepTogether = (height: number) => {
    if (doc.y + height > bottom() && height <= contentHeight) doc.addPage();
  };
  /** A section heading, kept on one page with the first `following` points of what it introduces. */
  const heading = (text: string, following = 20) => {
    keepTogether(Math.min(40 + following, contentHeight));
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).fillColor(COLOURS.text);
    doc.text(printable(text), left, doc.y, { width });
    const y = doc.y + 2;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
    doc.y = y + 6;
  };

  // Title block
  doc.font('Helvetica').fontSize(11).fillColor(COLOURS.muted);
  doc.text(printable(`${guide.brandName} · ${guide.rightsHolder.name}`), left, MARGIN.top, { width });
  doc.font('Helvetica-Bold').fontSize(20).fillColor(COLOURS.text).text(shown(guide.name), { width });
  const texts = [
    guide.name,
    guide.description,
    guide.packaging,
    ...guide.guidePoints.flatMap((point) => [point.title, point.body]),
    ...guide.indicators.map((indicator) => indicator.text),
  ];
  if (texts.some((text) => text && !text.isReaderLanguage)) {
    doc.moveDown(0.3).font('Helvetica-Oblique').fontSize(9).fillColor(COLOURS.muted);
    doc.text(printable(labels.languageNote), { width });
  }

  // Identity
  heading(labels.identification);
  const identity: [string, string][] = [
    [labels.rightsHolder, guide.rightsHolder.name],
    [labels.brand, guide.brandName],
    [labels.reference, guide.reference],
    [labels.category, guide.category],
    [
      labels.gtins,
      guide.identifiers.map((id) => `${id.gtin} (${labels.levels[id.level]})`).join(', ') || labels.none,
    ],
    [labels.hsCodes, guide.hsCodes.map(hsCode).join(', ') || labels.none],
    [
      labels.priceRange,
      guide.price
        ? `${format.money(guide.price.min, guide.price.currency)} – ${format.money(guide.price.max, guide.price.currency)}`
        : labels.none,
    ],
    [
      labels.countriesOfManufacture,
      guide.countriesOfManufacture.map(format.country).join(', ') || labels.none,
    ],
    [labels.status, labels.statuses[guide.status]],
  ];
  const labelWidth = 150;
  for (const [label, value] of identity) {
    doc.font('Helvetica-Bold').fontSize(9.5);
    const labelHeight = doc.heightOfString(printable(label), { width: labelWidth });
    doc.font('Helvetica').fontSize(10);
    const valueHeight = doc.heightOfString(printable(value), { width: width - labelWidth - 10 });
    const rowHeight = Math.max(labelHeight, valueHeight) + 5;
    keepTogether(rowHeight);
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor(COLOURS.muted);
    doc.text(printable(label), left, y, { width: labelWidth });
    doc.font('Helvetica').fontSize(10).fillColor(COLOURS.text);
    doc.text(printable(value), left + labelWidth + 10, y, { width: width - labelWidth - 10 });
    doc.y = y + rowHeight;
  }
  for (const [label, text] of [
    [labels.description, guide.description],
    [labels.packaging, guide.packaging],
  ] as const) {
    if (!text) continue;
    keepTogether(50);
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).fillColor(COLOURS.muted);
    doc.text(printable(label), left, doc.y, { width });
    doc.font('Helvetica').fontSize(10).fillColor(COLOURS.text).text(shown(text), { width });
  }

  // Gallery
  if (guide.images.length) {
    heading(labels.images, GALLERY_IMAGE_HEIGHT + 20);
    const gap = 12;
    const cell = (width - 2 * gap) / 3;
    for (let start = 0; start < guide.images.length; start += 3) {
      keepTogether(GALLERY_IMAGE_HEIGHT + 20);
      const y = doc.y;
      guide.images.slice(start, start + 3).forEach((image, column) => {
        const x = left + column * (cell + gap);
        drawImage(doc, images.get(image.imageId), x, y, cell, GALLERY_IMAGE_HEIGHT, labels);
        doc.font('Helvetica').fontSize(8.5).fillColor(COLOURS.muted);
        doc.text(printable(labels.imageKinds[image.kind]), x, y + GALLERY_IMAGE_HEIGHT + 3, {
          width: cell,
          align: 'center',
        });
      });
      doc.y = y + GALLERY_IMAGE_HEIGHT + 20;
    }
  }

  // Guide points
  const pointTitle = (point: GuideView['guidePoints'][number], index: number) =>
    `${index + 1}. ${shown(point.title)}`;
  const hasImages = (point: GuideView['guidePoints'][number]) =>
    point.genuineImageId !== null || point.counterfeitImageId !== null;
  const pointHeight = (point: GuideView['guidePoints'][number], index: number) => {
    doc.font('Helvetica-Bold').fontSize(12);
    let height = doc.heightOfString(pointTitle(point, index), { width }) + 18;
    doc.font('Helvetica').fontSize(10);
    height += doc.heightOfString(shown(point.body), { width }) + (point.visibility === 'covert' ? 14 : 0);
    return hasImages(point) ? height + POINT_IMAGE_HEIGHT + 24 : height;
  };
  const firstPoint = guide.guidePoints[0];
  if (firstPoint) {
    heading(labels.guidePoints, pointHeight(firstPoint, 0));
    const gap = 14;
    const column = (width - gap) / 2;
    guide.guidePoints.forEach((point, index) => {
      const title = pointTitle(point, index);
      const body = shown(point.body);
      const withImages = hasImages(point);
      keepTogether(pointHeight(point, index));

      doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor(COLOURS.text);
      doc.text(title, left, doc.y, { width });
      if (point.visibility === 'covert') {
        doc.font('Helvetica-Bold').fontSize(8.5).fillColor(COLOURS.warning);
        doc.text(printable(labels.covert), { width });
      }
      doc.moveDown(0.2).font('Helvetica').fontSize(10).fillColor(COLOURS.text).text(body, { width });
      if (!withImages) return;
      keepTogether(POINT_IMAGE_HEIGHT + 24);
      const y = doc.y + 6;
      const sides = [
        { caption: labels.genuine, colour: COLOURS.good, imageId: point.genuineImageId },
        { caption: labels.counterfeit, colour: COLOURS.warning, imageId: point.counterfeitImageId },
      ];
      sides.forEach((side, at) => {
        const x = left + at * (column + gap);
        doc.font('Helvetica-Bold').fontSize(9.5).fillColor(side.colour);
        doc.text(printable(side.caption), x, y, { width: column });
        drawImage(
          doc,
          side.imageId ? images.get(side.imageId) : undefined,
          x,
          y + 14,
          column,
          POINT_IMAGE_HEIGHT,
          labels,
        );
      });
      doc.x = left;
      doc.y = y + 14 + POINT_IMAGE_HEIGHT + 4;
    });
  }

  // Counterfeit indicators
  if (guide.indicators.length) {
    heading(labels.indicators, 30);
    for (const indicator of guide.indicators) {
      keepTogether(30);
      doc.moveDown(0.2).font('Helvetica-Bold').fontSize(10).fillColor(COLOURS.text);
      doc.text(`${printable(labels.indicatorKinds[indicator.kind])}: `, left, doc.y, {
        width,
        continued: true,
      });
      doc.font('Helvetica').text(shown(indicator.text));
    }
  }

  /** A list item: a bold lead, then plain details, kept on one page. */
  const item = (lead: string, details: string) => {
    doc.font('Helvetica').fontSize(10);
    keepTogether(doc.heightOfString(printable(`${lead} ${details}`), { width }) + 6);
    doc.moveDown(0.25).font('Helvetica-Bold').fillColor(COLOURS.text);
    doc.text(printable(lead), left, doc.y, { width, continued: details !== '' });
    if (details) doc.font('Helvetica').text(printable(` ${details}`));
  };
  const joined = (...parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join(' · ');

  // Legitimate supply chain
  const { entries, routes } = guide.supplyChain;
  if (entries.length || routes.length) {
    heading(labels.supplyChain, 30);
    for (const entry of entries) {
      item(
        `${labels.roles[entry.role]}:`,
        joined(
          `${entry.name} — ${format.country(entry.countryCode)}`,
          entry.eori && `EORI ${entry.eori}`,
          entry.taxNumber && `${labels.taxNumber} ${entry.taxNumber}`,
          entry.address,
        ),
      );
    }
    for (const route of routes) {
      item(
        [route.originCountry, ...route.transitCountries, route.destinationCountry].join(' > '),
        joined(
          route.transportMode,
          route.ports.length > 0 && `${labels.ports} ${route.ports.join(', ')}`,
          route.carriers.length > 0 && `${labels.carriers} ${route.carriers.join(', ')}`,
        ),
      );
    }
  }

  // IP rights
  if (guide.ipRights.length) {
    heading(labels.ipRights, 30);
    for (const right of guide.ipRights) {
      const recordation = right.recordation;
      item(
        `${labels.ipRightTypes[right.type]} ${right.registrationNumber}`,
        joined(
          right.office,
          right.classes.length > 0 && `${labels.classes} ${right.classes.join(', ')}`,
          right.ownerName,
          right.validTo && `${labels.validUntil} ${format.day(right.validTo)}`,
          recordation &&
            `${labels.recordation(recordation.countryCode)}: ${recordation.reference}, ${labels.recordationStatuses[recordation.status]}${recordation.validTo ? `, ${labels.validUntil} ${format.day(recordation.validTo)}` : ''}`,
        ),
      );
    }
  }

  // Contacts
  if (guide.contacts.length) {
    heading(labels.contacts, 30);
    for (const contact of guide.contacts) {
      item(
        joined(contact.name, contact.title),
        joined(
          contact.phone,
          contact.email,
          contact.alwaysAvailable ? labels.alwaysAvailable : contact.hours,
          contact.languages.length > 0 &&
            `${labels.speaks} ${contact.languages.map(format.language).join(', ')}`,
          contact.countries.length > 0 ? contact.countries.join(', ') : labels.worldwide,
        ),
      );
    }
  }

  drawRunningHeads(doc, labels, format.date(generatedAt), `${guide.brandName} · ${guide.name.text}`);
  doc.end();
  return done;
}

function drawImage(
  doc: PDFKit.PDFDocument,
  jpeg: Buffer | undefined,
  x: number,
  y: number,
  width: number,
  height: number,
  labels: GuideLabels,
): void {
  if (jpeg) {
    doc.image(jpeg, x, y, { fit: [width, height], align: 'center', valign: 'center' });
  } else {
    doc.rect(x, y, width, height).fillColor('#f2f2f2').fill();
    doc.font('Helvetica-Oblique').fontSize(9).fillColor(COLOURS.muted);
    doc.text(printable(labels.noImage), x, y + height / 2 - 5, { width, align: 'center' });
  }
  doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
}

/** Header and footer on every page, once the page count is known. */
function drawRunningHeads(doc: PDFKit.PDFDocument, labels: GuideLabels, date: string, product: string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    // Writing inside the bottom margin would otherwise start a new page.
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica-Bold').fontSize(9).fillColor(COLOURS.warning);
    doc.text(printable(labels.confidential), MARGIN.left, 32, { width, lineBreak: false });
    doc.font('Helvetica').fontSize(8.5).fillColor(COLOURS.muted);
    doc.text(printable(`${labels.generated} ${date}`), MARGIN.left, 33, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc
      .moveTo(MARGIN.left, 48)
      .lineTo(MARGIN.left + width, 48)
      .lineWidth(0.75)
      .strokeColor(COLOURS.warning)
      .stroke();
    const footerY = doc.page.height - 40;
    doc.font('Helvetica').fontSize(8.5).fillColor(COLOURS.muted);
    const title = product.length > 70 ? `${product.slice(0, 69)}…` : product;
    doc.text(printable(title), MARGIN.left, footerY, { width: width * 0.75, lineBreak: false });
    doc.text(printable(labels.page(index - range.start + 1, range.count)), MARGIN.left, footerY, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = savedBottom;
  }
}
