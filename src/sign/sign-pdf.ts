// Embedded PDF signature: a /Sig field with a PKCS#7 detached (adbe.pkcs7.detached) placeholder is added
// while pdfkit writes the document (@signpdf's placeholder); once the file is complete, signPdfFile fills
// it in place with our CMS signature. The one PDF signing path, for the package and the period report.
import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import type PDFDocument from 'pdfkit';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER } from '@signpdf/utils';
import { signDetachedDigest } from './detached-cms.ts';
import type { SigningIdentity } from './signing-identity.ts';

// Room for the signer's certificate, a chain and an RFC 3161 token (hex: two characters a byte).
export const PDF_SIGNATURE_LENGTH = 32768;

export interface PdfSignatureInfo {
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
}

/** Call before doc.end(): reserves the signature dictionary and an (invisible) signature field. */
export function addPdfSignaturePlaceholder(doc: InstanceType<typeof PDFDocument>, info: PdfSignatureInfo): void {
  // PDF/A wants every annotation printable (/F 4); @signpdf makes the signature widget without /F and
  // writes it at once, so the flag is added as the widget is made (doc.ref is pdfkit's public object maker).
  const ref = doc.ref.bind(doc);
  const withPrintFlag = (data: Record<string, unknown>) => ref(data?.Subtype === 'Widget' && data.FT === 'Sig' && data.F === undefined ? { ...data, F: 4 } : data);
  Object.assign(doc, { ref: withPrintFlag });
  try {
    placeholder(doc, info);
  } finally {
    delete (doc as { ref?: unknown }).ref; // pdfkit's own method again
  }
}

function placeholder(doc: InstanceType<typeof PDFDocument>, info: PdfSignatureInfo): void {
  pdfkitAddPlaceholder({
    pdf: doc,
    pdfBuffer: Buffer.alloc(0),
    reason: info.reason,
    contactInfo: info.contactInfo,
    name: info.name,
    location: info.location,
    signingTime: info.signingTime,
    signatureLength: PDF_SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    widgetRect: [0, 0, 0, 0],
    appName: 'Proofline',
  });
}

const BYTE_RANGE_PLACEHOLDER = Buffer.from(`/ByteRange [0 /${DEFAULT_BYTE_RANGE_PLACEHOLDER} /${DEFAULT_BYTE_RANGE_PLACEHOLDER} /${DEFAULT_BYTE_RANGE_PLACEHOLDER}]`);
const WINDOW = 1 << 20;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** Offset of the last occurrence of `needle` in the first `size` bytes, searching back from the end. */
async function lastIndexIn(fh: FileHandle, size: number, needle: Buffer): Promise<number> {
  for (let end = size; end > 0; end -= WINDOW) {
    const start = Math.max(0, end - WINDOW - needle.length);
    const i = (await readAt(fh, start, end - start)).lastIndexOf(needle);
    if (i >= 0) return start + i;
  }
  return -1;
}

async function hashRanges(path: string, ranges: [number, number][]): Promise<Buffer> {
  const hash = createHash('sha256');
  for (const [start, length] of ranges) {
    if (length === 0) continue;
    for await (const chunk of createReadStream(path, { start, end: start + length - 1, highWaterMark: WINDOW })) hash.update(chunk as Buffer);
  }
  return hash.digest();
}

/**
 * Signs a PDF file with a signature placeholder in place, without reading it into memory (the bytes
 * @signpdf's own signer would produce). The trailing newline goes (as @signpdf does), the ByteRange is filled
 * in, the two signed ranges are hashed as streams, and the CMS signature is written into /Contents.
 */
export async function signPdfFile(path: string, identity: SigningIdentity, signingTime: Date): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    let size = (await fh.stat()).size;
    const tail = await readAt(fh, Math.max(0, size - 8), Math.min(size, 8));
    let end = tail.length;
    if (tail[end - 1] === 0x0a) end--;
    if (tail[end - 1] === 0x0d) end--;
    if (!/[\r\n]%%EOF$/.test(tail.subarray(0, end).toString('latin1'))) throw new Error(`${path}: not a complete PDF (no %%EOF at the end)`);
    if (end !== tail.length) {
      size -= tail.length - end;
      await fh.truncate(size);
    }
    const byteRangeAt = await lastIndexIn(fh, size, BYTE_RANGE_PLACEHOLDER);
    if (byteRangeAt < 0) throw new Error(`${path}: no signature placeholder (ByteRange) found`);
    const byteRangeEnd = byteRangeAt + BYTE_RANGE_PLACEHOLDER.length;
    const after = await readAt(fh, byteRangeEnd, Math.min(size - byteRangeEnd, 2 * PDF_SIGNATURE_LENGTH + 4096));
    const contentsTag = after.indexOf('/Contents ');
    const lt = contentsTag < 0 ? -1 : after.indexOf('<', contentsTag);
    const close = lt < 0 ? -1 : after.indexOf('>', lt);
    if (close < 0) throw new Error(`${path}: no signature placeholder (Contents) found`);
    const placeholderPos = byteRangeEnd + lt;
    const placeholderLength = close - lt - 1;
    const byteRange = [0, placeholderPos, placeholderPos + placeholderLength + 2, 0];
    byteRange[3] = size - byteRange[2];
    const actual = `/ByteRange [${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
    if (actual.length !== BYTE_RANGE_PLACEHOLDER.length) throw new Error(`${path}: ByteRange does not fit its placeholder`);
    await fh.write(Buffer.from(actual, 'latin1'), 0, actual.length, byteRangeAt);
    const digest = await hashRanges(path, [
      [byteRange[0], byteRange[1]],
      [byteRange[2], byteRange[3]],
    ]);
    const raw = await signDetachedDigest(digest, identity, signingTime);
    if (raw.length * 2 > placeholderLength) throw new Error(`Signature exceeds placeholder length: ${raw.length * 2} > ${placeholderLength}`);
    const contents = Buffer.from(`<${raw.toString('hex').padEnd(placeholderLength, '0')}>`, 'latin1');
    await fh.write(contents, 0, contents.length, placeholderPos);
  } finally {
    await fh.close();
  }
}
