// Test PKI made with the openssl CLI: CAs (including a forged one under a famous name), signer and
// time-stamping certificates, and a local RFC 3161 time-stamping authority (`openssl ts -reply`) served
// over HTTP on 127.0.0.1.
import { execFile, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface KeyPair {
  key: string;
  cert: string;
}

export function openssl(args: string[], cwd?: string): string {
  const r = spawnSync('openssl', args, { encoding: 'utf8', cwd });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error('openssl is not installed (apt-get install -y openssl)');
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A self-signed CA certificate for `subject` (e.g. "/C=US/O=DigiCert Inc/CN=DigiCert Global Root G2"). */
export function makeCa(dir: string, name: string, subject: string): KeyPair {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.pem`);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '3650', '-subj', subject, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  return { key, cert };
}

const EXTENSIONS = {
  signer: ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature,nonRepudiation', 'extendedKeyUsage=emailProtection,codeSigning'],
  tsa: ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature,nonRepudiation', 'extendedKeyUsage=critical,timeStamping'],
};

/** A certificate for `subject` issued by `ca`. */
export async function issue(dir: string, name: string, subject: string, ca: KeyPair, kind: keyof typeof EXTENSIONS = 'signer'): Promise<KeyPair> {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.pem`);
  const ext = join(dir, `${name}.ext`);
  await writeFile(ext, `${EXTENSIONS[kind].join('\n')}\n`);
  openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', subject]);
  openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-out', cert, '-days', '365', '-sha256', '-extfile', ext]);
  return { key, cert };
}

export function fingerprintOf(certFile: string): string {
  return /=([0-9A-F:]+)/.exec(openssl(['x509', '-in', certFile, '-noout', '-fingerprint', '-sha256']))![1].replace(/:/g, '').toLowerCase();
}

export interface LocalTsa {
  url: string;
  requests: () => number;
  close: () => Promise<void>;
}

/** An RFC 3161 TSA on 127.0.0.1: each POSTed query is answered by `openssl ts -reply`. */
export async function startTsa(dir: string, tsa: KeyPair, chain: string): Promise<LocalTsa> {
  await mkdir(dir, { recursive: true });
  const config = join(dir, 'tsa.cnf');
  await writeFile(join(dir, 'serial'), '01\n');
  await writeFile(
    config,
    [
      '[ tsa ]',
      'default_tsa = tsa_config',
      '[ tsa_config ]',
      `dir = ${dir}`,
      'serial = $dir/serial',
      'crypto_device = builtin',
      `signer_cert = ${tsa.cert}`,
      `certs = ${chain}`,
      `signer_key = ${tsa.key}`,
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      'digests = sha256',
      'accuracy = secs:1',
      'ordering = no',
      'tsa_name = no',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  let count = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const n = ++count;
        const query = join(dir, `q${n}.tsq`);
        const reply = join(dir, `r${n}.tsr`);
        await writeFile(query, Buffer.concat(chunks));
        await promisify(execFile)('openssl', ['ts', '-reply', '-config', config, '-queryfile', query, '-out', reply]);
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(await readFile(reply));
      })().catch((err: Error) => res.writeHead(500).end(err.message));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/tsa`, requests: () => count, close: () => new Promise((ok) => server.close(() => ok())) };
}
