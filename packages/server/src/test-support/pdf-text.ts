import { inflateSync } from 'node:zlib';

/** WinAnsi codes 0x80–0x9f that differ from Latin-1 (the PDF standard fonts' encoding). */
const WIN_ANSI: Record<number, string> = {
  128: '€',
  130: '‚',
  131: 'ƒ',
  132: '„',
  133: '…',
  134: '†',
  135: '‡',
  136: 'ˆ',
  137: '‰',
  138: 'Š',
  139: '‹',
  140: 'Œ',
  142: 'Ž',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  149: '•',
  150: '–',
  151: '—',
  152: '˜',
  153: '™',
  154: 'š',
  155: '›',
  156: 'œ',
  158: 'ž',
  159: 'Ÿ',
};

function decodeHex(hex: string): string {
  let text = '';
  for (let at = 0; at + 1 < hex.length; at += 2) {
    const code = Number.parseInt(hex.slice(at, at + 2), 16);
    text += WIN_ANSI[code] ?? String.fromCharCode(code);
  }
  return text;
}

/**
 * The text of a PDF written by pdfkit with the standard fonts, one line per text object: content
 * streams are inflated and the hex strings of their `Tj`/`TJ` operators decoded. Enough to check
 * what a generated document says, not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  const streamStart = /<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g;
  for (let match = streamStart.exec(source); match; match = streamStart.exec(source)) {
    const dictionary = match[1] ?? '';
    const length = Number(/\/Length (\d+)(?! \d+ R)/.exec(dictionary)?.[1]);
    if (/\/Subtype\s*\/Image/.test(dictionary) || !Number.isFinite(length)) continue;
    const start = match.index + match[0].length;
    let data = pdf.subarray(start, start + length);
    if (/\/FlateDecode/.test(dictionary)) data = inflateSync(data);
    for (const block of data.toString('latin1').match(/\bBT\b[\s\S]*?\bET\b/g) ?? []) {
      lines.push([...block.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => decodeHex(hex[1] ?? '')).join(''));
    }
  }
  return lines.join('\n');
}
