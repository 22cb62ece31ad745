// A real SMTP server on loopback that keeps every message it receives, for tests of outgoing mail.
//
// Point the application at `capture.url` (`smtp://127.0.0.1:<port>`), e.g. `SMTP_URL=${capture.url}`.
// The server does not offer STARTTLS, so nodemailer's `createTransport('smtp://127.0.0.1:<port>')`
// (secure: false) talks plain SMTP without any TLS option; adding `ignoreTLS: true` is harmless.
// Do not use `smtps://` or `requireTLS`. Credentials are optional and any are accepted, so
// `smtp://user:pass@127.0.0.1:<port>` works too.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  /** The From header as written, e.g. `Assay <no-reply@assay.invalid>`. */
  from: string;
  /** Envelope recipients (RCPT TO, so Bcc included), lower-cased addresses. */
  to: string[];
  /** Envelope sender (MAIL FROM). */
  envelopeFrom: string;
  subject: string;
  /** Plain-text body ('' when the message has none). */
  text: string;
  /** HTML body, null when the message has none. */
  html: string | null;
  /** Decoded header values by lower-cased name (address lists as text, dates as UTC strings). */
  headers: Record<string, string>;
  /** The message exactly as received (headers and MIME body). */
  raw: string;
  /** SMTP AUTH user name, when the client authenticated. */
  authUser: string | null;
  receivedAt: Date;
}

export interface SmtpCapture {
  /** `smtp://127.0.0.1:<port>`: use as SMTP_URL. */
  url: string;
  port: number;
  /** Every message received so far, oldest first (mutable: `clear()` empties it). */
  messages: CapturedMail[];
  /** First message (already received or still to come) matching `predicate`; rejects after `timeoutMs` (default 10 s). */
  waitFor(predicate: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  /** Forget the messages received so far. */
  clear(): void;
  stop(): Promise<void>;
}

function headerValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toUTCString();
  if (Array.isArray(value)) return value.map(headerValue).join(', ');
  if (value && typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text; // address list
    if ('value' in value && typeof value.value === 'string') {
      const params =
        'params' in value && value.params && typeof value.params === 'object' ? value.params : {};
      return [value.value, ...Object.entries(params).map(([key, param]) => `${key}=${String(param)}`)].join(
        '; ',
      );
    }
  }
  return String(value);
}

/** Decoded header values (encoded words, folding) by lower-cased name. */
function headerMap(headers: ReadonlyMap<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of headers) result[key.toLowerCase()] = headerValue(value);
  return result;
}

/** Start an SMTP server on 127.0.0.1 (random port) capturing every message. */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const waiters = new Set<(mail: CapturedMail) => void>();

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    banner: 'Assay test capture',
    closeTimeout: 2_000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const mail: CapturedMail = {
              from: parsed.from?.text ?? '',
              to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              headers: headerMap(parsed.headers),
              raw: raw.toString('utf8'),
              authUser: typeof session.user === 'string' ? session.user : null,
              receivedAt: new Date(),
            };
            messages.push(mail);
            for (const waiter of [...waiters]) waiter(mail);
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });
  server.on('error', () => {}); // client-side protocol errors are not the test's concern

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  const waitFor = (predicate: (mail: CapturedMail) => boolean, timeoutMs = 10_000): Promise<CapturedMail> => {
    const existing = messages.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter = (mail: CapturedMail) => {
        if (!predicate(mail)) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve(mail);
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        const seen = messages.map((mail) => `  to ${mail.to.join(', ')}: ${mail.subject}`).join('\n');
        reject(
          new Error(
            `No matching mail within ${timeoutMs} ms; received ${messages.length}${seen ? `:\n${seen}` : ''}`,
          ),
        );
      }, timeoutMs);
      waiters.add(waiter);
    });
  };

  let stopping: Promise<void> | null = null;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor,
    clear: () => {
      messages.length = 0;
    },
    stop: () => {
      stopping ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return stopping;
    },
  };
}
