import { createHmac } from 'node:crypto';

/** Bytes kept of each HMAC-SHA256: 128 bits never collide at any registry size and halve the index. */
const HASH_BYTES = 16;

/**
 * Keyed hashes of serial numbers. Each rights holder has its own key derived from the app secret,
 * so a leaked `registered_serials` or `verifications` table gives a counterfeiter no valid serial,
 * and the same serial of two rights holders does not link their histories.
 */
export function createSerialHasher(appSecret: string) {
  const keys = new Map<string, Buffer>();
  const keyOf = (rightsHolderId: string) => {
    let key = keys.get(rightsHolderId);
    if (!key) {
      key = createHmac('sha256', appSecret).update(`assay:serial-key:${rightsHolderId}`).digest();
      keys.set(rightsHolderId, key);
    }
    return key;
  };
  return {
    /** The hash of one serialised pack: its 14-digit GTIN and its serial. */
    hash(rightsHolderId: string, gtin14: string, serial: string): Buffer {
      // The group separator cannot occur in a GTIN or a serial, so no two pairs share an input.
      return createHmac('sha256', keyOf(rightsHolderId))
        .update(`${gtin14}\u001d${serial}`)
        .digest()
        .subarray(0, HASH_BYTES);
    },
    /** The same hash in hex, for bulk writes (cheaper than a Buffer per row). */
    hex(rightsHolderId: string, gtin14: string, serial: string): string {
      return createHmac('sha256', keyOf(rightsHolderId))
        .update(`${gtin14}\u001d${serial}`)
        .digest('hex')
        .slice(0, HASH_BYTES * 2);
    },
  };
}

export type SerialHasher = ReturnType<typeof createSerialHasher>;

/** What the rights holder's history shows of a serial: its last four characters. */
export function serialHint(serial: string): string {
  return serial.length <= 4 ? '…' : `…${serial.slice(-4)}`;
}
