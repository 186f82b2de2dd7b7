// Signing identities: PKCS#12, PEM, AWS KMS (mocked; the private key stays "in KMS"), and the
// development identity, created once outside the package. Each signature checked by openssl too.
import { generateKeyPairSync, privateEncrypt, constants, type KeyObject } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.ts';
import { signDetached, verifyDetached } from '../../src/sign/detached-cms.ts';
import { SigningKeyError } from '../../src/sign/local-identity.ts';
import { resolveSigningIdentity } from '../../src/sign/resolve-identity.ts';
import { selfSignedCertificate } from '../../src/sign/self-signed-certificate.ts';
import { describeSigner, rsaDigestSigner, type SigningIdentity } from '../../src/sign/signing-identity.ts';
import { derToPem } from '../../src/sign/x509.ts';

let work: string;
const config = parseConfig({ organization: 'Acme Test' }, 'test');
const content = Buffer.from('{"files":[]}\n');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-sign-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

function rsa(): { privateKey: KeyObject; publicKey: KeyObject; forgeKey: forge.pki.rsa.PrivateKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKey, forgeKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey };
}

async function opensslAccepts(identity: SigningIdentity, name: string): Promise<boolean> {
  const sig = await signDetached(content, identity);
  await writeFile(join(work, `${name}.json`), content);
  await writeFile(join(work, `${name}.sig`), sig);
  await writeFile(join(work, `${name}.pem`), identity.certificatePem);
  const r = spawnSync('openssl', ['cms', '-verify', '-binary', '-content', join(work, `${name}.json`), '-inform', 'DER', '-in', join(work, `${name}.sig`), '-CAfile', join(work, `${name}.pem`), '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8' });
  return r.status === 0 && /Verification successful/.test(r.stderr);
}

async function certFor(privateKey: KeyObject, publicKey: KeyObject, cn: string): Promise<forge.pki.Certificate> {
  return forge.pki.certificateFromPem(derToPem(await selfSignedCertificate(publicKey.export({ type: 'spki', format: 'der' }), { commonName: cn }, rsaDigestSigner(privateKey))));
}

describe('signing identities', () => {
  it('development identity: created once under PROOFLINE_HOME, reused, self-signed', async () => {
    const env = { PROOFLINE_HOME: join(work, 'home') };
    const first = await resolveSigningIdentity(config, { env });
    const second = await resolveSigningIdentity(config, { env });
    expect(first.source).toBe('development');
    expect(describeSigner(second).fingerprintSha256).toBe(describeSigner(first).fingerprintSha256);
    expect(describeSigner(first).selfSigned).toBe(true);
    expect(await readFile(join(work, 'home', 'dev-identity', 'key.pem'), 'utf8')).toContain('PRIVATE KEY');
    expect(await opensslAccepts(first, 'dev')).toBe(true);
  });

  it('PEM key and certificate from the environment', async () => {
    const { forgeKey, privateKey, publicKey } = rsa();
    const cert = await certFor(privateKey, publicKey, 'PEM signer');
    await writeFile(join(work, 'key.pem'), forge.pki.privateKeyToPem(forgeKey));
    await writeFile(join(work, 'cert.pem'), forge.pki.certificateToPem(cert));
    const id = await resolveSigningIdentity(config, { env: { PROOFLINE_SIGNING_KEY: join(work, 'key.pem'), PROOFLINE_SIGNING_CERT: join(work, 'cert.pem') } });
    expect(id.source).toBe('pem');
    expect(describeSigner(id).subject).toBe('CN=PEM signer');
    expect(await opensslAccepts(id, 'pem')).toBe(true);
  });

  it('PKCS#12 from the config, password from the environment; a wrong password names the file', async () => {
    const { forgeKey, privateKey, publicKey } = rsa();
    const cert = await certFor(privateKey, publicKey, 'P12 signer');
    const p12 = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(forgeKey, [cert], 's3cret', { algorithm: '3des' })).getBytes();
    const file = join(work, 'signer.p12');
    await writeFile(file, Buffer.from(p12, 'binary'));
    const cfg = parseConfig({ organization: 'Acme', signing: { pkcs12: { file } } }, 'test');
    const id = await resolveSigningIdentity(cfg, { env: { PROOFLINE_SIGNING_P12_PASSWORD: 's3cret' } });
    expect(id.source).toBe('pkcs12');
    expect(await opensslAccepts(id, 'p12')).toBe(true);
    await expect(resolveSigningIdentity(cfg, { env: { PROOFLINE_SIGNING_P12_PASSWORD: 'wrong' } })).rejects.toThrow(new RegExp(`${file.replace(/[.]/g, '\\.')}: cannot open PKCS#12`));
    await expect(resolveSigningIdentity(cfg, { env: {} })).rejects.toBeInstanceOf(SigningKeyError);
  });

  it('AWS KMS: every signature is a kms:Sign call over a digest; the result verifies with openssl', async () => {
    const { privateKey, publicKey } = rsa();
    const kms = mockClient(KMSClient);
    const keyId = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    kms.on(GetPublicKeyCommand).resolves({ KeyId: keyId, KeyUsage: 'SIGN_VERIFY', KeySpec: 'RSA_2048', SigningAlgorithms: ['RSASSA_PKCS1_V1_5_SHA_256'], PublicKey: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })) });
    // What KMS does for MessageType DIGEST with RSASSA_PKCS1_V1_5_SHA_256: PKCS#1 v1.5 over DigestInfo(SHA-256, digest).
    const digestInfoPrefix = Buffer.from('3031300d060960864801650304020105000420', 'hex');
    kms.on(SignCommand).callsFake((input: { Message: Uint8Array; MessageType: string; SigningAlgorithm: string }) => {
      expect(input.MessageType).toBe('DIGEST');
      expect(input.Message).toHaveLength(32);
      return { KeyId: keyId, SigningAlgorithm: input.SigningAlgorithm, Signature: privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([digestInfoPrefix, Buffer.from(input.Message)])) };
    });
    try {
      const cfg = parseConfig({ organization: 'Acme', signing: { kms: { keyId, region: 'eu-west-1' } } }, 'test');
      const id = await resolveSigningIdentity(cfg, { kmsClient: () => new KMSClient({ region: 'eu-west-1' }) });
      expect(id.source).toBe('kms');
      expect(describeSigner(id).selfSigned).toBe(true);
      const sig = await signDetached(content, id);
      expect((await verifyDetached(sig, content)).ok).toBe(true);
      expect((await verifyDetached(sig, Buffer.from('changed'))).ok).toBe(false);
      expect(await opensslAccepts(id, 'kms')).toBe(true);
      // Certificate + CMS + openssl's: three signatures, all made by "KMS".
      expect(kms.commandCalls(SignCommand).length).toBeGreaterThanOrEqual(3);
    } finally {
      kms.restore();
    }
  });

  it('refuses a KMS key that cannot sign with RSA PKCS#1 v1.5 SHA-256', async () => {
    const kms = mockClient(KMSClient);
    kms.on(GetPublicKeyCommand).resolves({ KeyId: 'k', KeyUsage: 'ENCRYPT_DECRYPT', PublicKey: new Uint8Array(1) });
    try {
      const cfg = parseConfig({ organization: 'Acme', signing: { kms: { keyId: 'k' } } }, 'test');
      await expect(resolveSigningIdentity(cfg, { kmsClient: () => new KMSClient({ region: 'eu-west-1' }) })).rejects.toBeInstanceOf(SigningKeyError);
    } finally {
      kms.restore();
    }
  });

  it('config: at most one key source, unknown fields rejected with the field named', () => {
    expect(() => parseConfig({ signing: { pem: { key: 'a', certificate: 'b' }, kms: { keyId: 'k' } } }, 'proofline.config.yaml')).toThrow(/proofline\.config\.yaml: field "signing"/);
    expect(() => parseConfig({ signing: { pem: { key: 'a' } } }, 'proofline.config.yaml')).toThrow(/field "signing\.pem\.certificate"/);
  });
});
