/**
 * Idempotency keys of one form: a new key for each new submission, the same key when the same body is
 * submitted again after a failure (the server then acts once). A changed body is a new submission: the
 * server refuses a key reused with other content.
 */
export class SubmissionKeys {
  private last: { fingerprint: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  keyFor(body: unknown): string {
    const fingerprint = JSON.stringify(body);
    if (this.last?.fingerprint !== fingerprint) this.last = { fingerprint, key: this.newKey() };
    return this.last.key;
  }

  /** After a success: the next submission, even of the same text, is a new one. */
  done(): void {
    this.last = null;
  }
}
