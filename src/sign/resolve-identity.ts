// Picks the signing identity: environment variables first, then the config's `signing` section, and
// the self-signed development identity when neither names a key.
import type { KMSClient } from '@aws-sdk/client-kms';
import type { ProoflineConfig } from '../config/config-schema.ts';
import { developmentIdentity, prooflineHome } from './dev-identity.ts';
import { pemIdentity, pkcs12Identity, SigningKeyError } from './local-identity.ts';
import type { SigningIdentity } from './signing-identity.ts';

export const SIGNING_ENV = {
  p12: 'PROOFLINE_SIGNING_P12',
  p12Password: 'PROOFLINE_SIGNING_P12_PASSWORD',
  key: 'PROOFLINE_SIGNING_KEY',
  certificate: 'PROOFLINE_SIGNING_CERT',
  kmsKeyId: 'PROOFLINE_SIGNING_KMS_KEY_ID',
} as const;

export interface ResolveIdentityOptions {
  env?: NodeJS.ProcessEnv;
  /** Injected for tests (aws-sdk-client-mock) and live runs with a profile. */
  kmsClient?: (region?: string) => KMSClient;
  now?: Date;
}

export async function resolveSigningIdentity(config: ProoflineConfig, opts: ResolveIdentityOptions = {}): Promise<SigningIdentity> {
  const identity = await keyIdentity(config, opts);
  const url = config.signing?.timestamp?.url;
  return url ? { ...identity, timestampUrl: url } : identity;
}

async function keyIdentity(config: ProoflineConfig, opts: ResolveIdentityOptions): Promise<SigningIdentity> {
  const env = opts.env ?? process.env;
  const signing = config.signing ?? {};

  if (env[SIGNING_ENV.p12] || signing.pkcs12) {
    const file = env[SIGNING_ENV.p12] || signing.pkcs12!.file;
    const passwordEnv = signing.pkcs12?.passwordEnv ?? SIGNING_ENV.p12Password;
    return pkcs12Identity(file, env[passwordEnv] ?? '');
  }
  if (env[SIGNING_ENV.key] || env[SIGNING_ENV.certificate]) {
    if (!env[SIGNING_ENV.key] || !env[SIGNING_ENV.certificate]) throw new SigningKeyError({ file: `${SIGNING_ENV.key}, ${SIGNING_ENV.certificate}`, message: 'must be set together' });
    return pemIdentity(env[SIGNING_ENV.key]!, env[SIGNING_ENV.certificate]!);
  }
  if (signing.pem) return pemIdentity(signing.pem.key, signing.pem.certificate);
  if (env[SIGNING_ENV.kmsKeyId] || signing.kms) {
    const keyId = env[SIGNING_ENV.kmsKeyId] || signing.kms!.keyId;
    // The KMS client and signer load only here: most runs sign with a local key.
    const { kmsIdentity } = await import('./kms-identity.ts');
    const client = opts.kmsClient?.(signing.kms?.region) ?? (await defaultKmsClient(signing.kms?.region));
    return kmsIdentity({ keyId, client, certificateFile: signing.kms?.certificate, organization: config.organization });
  }
  return developmentIdentity(prooflineHome(env), config.organization, opts.now);
}

async function defaultKmsClient(region?: string): Promise<KMSClient> {
  const { KMSClient } = await import('@aws-sdk/client-kms');
  return new KMSClient(region ? { region } : {});
}
