import { GROUP_SEPARATOR } from './normalise-code';

/** The parts of a `keydown` event that tell a hand-held scanner from a person typing. */
export interface WedgeKey {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Milliseconds, as `event.timeStamp`. */
  timeStamp: number;
}

export interface WedgeOptions {
  /** Longest pause between two keys of one scan; people type slower than this. */
  maxGapMs?: number;
  /** Shortest code worth taking (an EAN-8). */
  minLength?: number;
}

export type WedgeOutcome =
  /** A complete scan ended by Enter: take the code, and keep the Enter from also submitting a form. */
  | { kind: 'code'; code: string }
  /** The key belongs to a scan in progress (the group separator): keep it from the page. */
  | { kind: 'swallow' }
  | { kind: 'ignore' };

/**
 * Assembles the keystrokes of a scanner acting as a keyboard: characters arriving faster than any
 * person types, closed by Enter. The group separator arrives as Ctrl+] (how keyboards type ASCII 29)
 * or as the character itself; text stand-ins such as `<GS>` come through as ordinary characters and
 * are turned into the separator later by `normaliseCode`.
 */
export class KeyboardWedge {
  private buffer = '';
  private last = Number.NEGATIVE_INFINITY;
  private readonly maxGapMs: number;
  private readonly minLength: number;

  constructor(options: WedgeOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 50;
    this.minLength = options.minLength ?? 8;
  }

  push(event: WedgeKey): WedgeOutcome {
    const gap = event.timeStamp - this.last;
    const fast = gap <= this.maxGapMs;
    if (event.key === 'Enter') {
      const code = this.buffer;
      const complete = fast && code.length >= this.minLength;
      this.reset();
      return complete ? { kind: 'code', code } : { kind: 'ignore' };
    }
    const separator = (event.ctrlKey && event.key === ']') || event.key === GROUP_SEPARATOR;
    if (separator) {
      if (!fast || this.buffer === '') {
        // A separator opening a scan is the symbol's leading FNC1; it carries no data.
        this.buffer = '';
      } else {
        this.buffer += GROUP_SEPARATOR;
      }
      this.last = event.timeStamp;
      return { kind: 'swallow' };
    }
    if (event.key.length !== 1 || event.ctrlKey || event.altKey || event.metaKey) {
      // Shift and other modifiers pressed on their own do not interrupt a scan.
      if (event.key === 'Shift') return { kind: 'ignore' };
      this.reset();
      return { kind: 'ignore' };
    }
    this.buffer = fast ? this.buffer + event.key : event.key;
    this.last = event.timeStamp;
    return { kind: 'ignore' };
  }

  reset(): void {
    this.buffer = '';
    this.last = Number.NEGATIVE_INFINITY;
  }
}
