// Uploads a package to the S3 evidence bucket: every file under <prefix>/<package name>/, encrypted
// with KMS, and locked for the bucket's default retention when the bucket has Object Lock enabled.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { GetObjectLockConfigurationCommand, PutObjectCommand, type ObjectLockRetentionMode, type S3Client } from '@aws-sdk/client-s3';

export interface LockedRetention {
  mode: ObjectLockRetentionMode;
  retainUntil: Date;
}

export interface UploadReport {
  bucket: string;
  prefix: string;
  objects: number;
  retention?: { mode: string; retainUntil: string };
}

/** The bucket's default Object Lock retention, or undefined when the bucket has none. */
export async function bucketRetention(client: S3Client, bucket: string, now: Date): Promise<LockedRetention | undefined> {
  let rule;
  try {
    const out = await client.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }));
    if (out.ObjectLockConfiguration?.ObjectLockEnabled !== 'Enabled') return undefined;
    rule = out.ObjectLockConfiguration.Rule?.DefaultRetention;
  } catch (err) {
    if ((err as Error).name === 'ObjectLockConfigurationNotFoundError') return undefined;
    throw err;
  }
  if (!rule?.Mode) return undefined;
  const until = new Date(now);
  if (rule.Days) until.setUTCDate(until.getUTCDate() + rule.Days);
  else if (rule.Years) until.setUTCFullYear(until.getUTCFullYear() + rule.Years);
  else return undefined;
  return { mode: rule.Mode, retainUntil: until };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

export async function uploadPackage(client: S3Client, packageDir: string, opts: { bucket: string; prefix: string; kmsKeyId?: string; now: Date }): Promise<UploadReport> {
  const retention = await bucketRetention(client, opts.bucket, opts.now);
  const prefix = [opts.prefix.replace(/^\/+|\/+$/g, ''), basename(packageDir)].filter(Boolean).join('/');
  const files = await filesUnder(packageDir);
  for (const file of files) {
    await client.send(
      new PutObjectCommand({
        Bucket: opts.bucket,
        Key: `${prefix}/${relative(packageDir, file).split('\\').join('/')}`,
        Body: await readFile(file),
        ServerSideEncryption: 'aws:kms',
        ...(opts.kmsKeyId ? { SSEKMSKeyId: opts.kmsKeyId } : {}),
        ChecksumAlgorithm: 'SHA256',
        ...(retention ? { ObjectLockMode: retention.mode, ObjectLockRetainUntilDate: retention.retainUntil } : {}),
      }),
    );
  }
  return { bucket: opts.bucket, prefix, objects: files.length, ...(retention ? { retention: { mode: retention.mode, retainUntil: retention.retainUntil.toISOString() } } : {}) };
}
