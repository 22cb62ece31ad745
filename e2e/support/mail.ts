import type { CapturedMail } from '../../packages/server/src/test-support/smtp-capture.js';

/** Every http(s) URL in a mail's text and HTML bodies, in order, without duplicates. */
export function linksIn(mail: CapturedMail): string[] {
  const found = new Set<string>();
  const fromHtml = [...(mail.html ?? '').matchAll(/href="([^"]+)"/g)].map((match) =>
    (match[1] ?? '').replaceAll('&amp;', '&'),
  );
  const fromText = mail.text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [];
  for (const url of [...fromText, ...fromHtml]) if (/^https?:\/\//.test(url)) found.add(url);
  return [...found];
}

/** The first link in `mail` containing `fragment` (e.g. `/verify-email`); throws listing the links otherwise. */
export function linkIn(mail: CapturedMail, fragment: string | RegExp): string {
  const links = linksIn(mail);
  const link = links.find((url) =>
    typeof fragment === 'string' ? url.includes(fragment) : fragment.test(url),
  );
  if (!link)
    throw new Error(`No link matching ${String(fragment)} in "${mail.subject}"; links: ${links.join(', ')}`);
  return link;
}
