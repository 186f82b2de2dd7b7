// Checks report.pdf's embedded signature in-process: the byte ranges cover the whole file except the
// signature itself, and the PKCS#7 inside verifies over exactly those bytes.
import { verifyDetached, type CmsVerification } from './detached-cms.ts';

const failed = (problems: string[]): CmsVerification => ({ ok: false, problems, certificates: [] });

export async function verifyPdfSignature(pdf: Buffer): Promise<CmsVerification> {
  const marks = [...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (marks.length === 0) return failed(['the PDF carries no signature (no /ByteRange)']);
  if (marks.length > 1) return failed([`the PDF carries ${marks.length} signatures; expected one`]);
  const [a, b, c, d] = marks[0].slice(1).map(Number);
  const problems: string[] = [];
  if (a !== 0 || c + d !== pdf.length) problems.push('the signature does not cover the whole file (bytes were added or removed after signing)');
  if (c <= b + 1 || c > pdf.length) return failed([...problems, 'malformed /ByteRange']);
  const hex = pdf.subarray(b, c).toString('latin1');
  if (!/^<[0-9a-fA-F]*>$/.test(hex)) return failed([...problems, 'the signature contents are not a hex string']);
  // The placeholder is zero-padded after the DER; the DER parser reads only its own length.
  const cms = await verifyDetached(Buffer.from(hex.slice(1, -1), 'hex'), [pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  return { ...cms, ok: cms.ok && problems.length === 0, problems: [...problems, ...cms.problems] };
}
