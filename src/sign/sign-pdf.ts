// Embedded PDF signature: a /Sig field with a PKCS#7 detached (adbe.pkcs7.detached) placeholder is added
// while pdfkit writes the document; once the bytes are final, @signpdf fills it with our CMS signature.
import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import signpdfModule from '@signpdf/signpdf';
import type PDFDocument from 'pdfkit';
import { Signer, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { signDetached } from './detached-cms.ts';
import type { SigningIdentity } from './signing-identity.ts';

// The package is CommonJS with an ES default export; tsx and tsc see it differently.
const signpdf = ((signpdfModule as unknown as { default?: typeof signpdfModule }).default ?? signpdfModule) as unknown as { sign(pdf: Buffer, signer: Signer, signingTime?: Date): Promise<Buffer> };

export const PDF_SIGNATURE_LENGTH = 16384;

class IdentitySigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override async sign(signedBytes: Buffer, signingTime?: Date): Promise<Buffer> {
    return signDetached(signedBytes, this.identity, signingTime);
  }
}

export interface PdfSignatureInfo {
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
}

/** Call before doc.end(): reserves the signature dictionary and an (invisible) signature field. */
export function addPdfSignaturePlaceholder(doc: InstanceType<typeof PDFDocument>, info: PdfSignatureInfo): void {
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

export async function signPdf(pdf: Buffer, identity: SigningIdentity, signingTime: Date): Promise<Buffer> {
  return signpdf.sign(pdf, new IdentitySigner(identity), signingTime);
}
