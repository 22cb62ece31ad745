import type { ReaderOptions } from 'zxing-wasm/reader';
// The reader's WebAssembly is served from our own origin: a port's network may not reach a CDN.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/** EAN/UPC on retail packs, GS1-128 on cases, GS1 DataMatrix on medicines, QR codes with a Digital Link. */
const READER_OPTIONS: ReaderOptions = {
  formats: ['EAN13', 'EAN8', 'UPCA', 'UPCE', 'Code128', 'DataMatrix', 'QRCode', 'DataBar', 'DataBarExp'],
  tryHarder: true,
  maxNumberOfSymbols: 1,
  // Human-readable text: GS1 content comes out with its AIs in brackets, which the GS1 parser reads
  // without guessing where variable-length fields end.
  textMode: 'HRI',
};

type Reader = typeof import('zxing-wasm/reader');
let loading: Promise<Reader> | null = null;

/** Loads the barcode reader on first use only, so that no other screen pays for it. */
export function loadReader(): Promise<Reader> {
  loading ??= import('zxing-wasm/reader').then(async (reader) => {
    await reader.prepareZXingModule({
      overrides: {
        locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
      },
      fireImmediately: true,
    });
    return reader;
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The text of the first barcode found in a video frame, or null. */
export async function readFrame(image: ImageData): Promise<string | null> {
  const reader = await loadReader();
  const [found] = await reader.readBarcodes(image, READER_OPTIONS);
  return found?.isValid ? found.text : null;
}
