// Every long-running command exits promptly on SIGTERM, even while an AWS call hangs (an endpoint that
// accepts the connection and never answers): run, record and schedule --once, each as a child process.
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli-process.ts';

let tmp: string;
let server: Server;
let port: number;
const sockets = new Set<Socket>();
let connected: (() => void) | undefined;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'proofline-sigterm-'));
  server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    connected?.();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as { port: number }).port;
  await writeFile(join(tmp, 'config.yaml'), `dataDir: ${join(tmp, 'data')}\nregions: [eu-west-1]\n`);
  await writeFile(join(tmp, 'daemon.yaml'), `dataDir: ${join(tmp, 'data-daemon')}\nregions: [eu-west-1]\nschedule: { cron: "0 2 * * *", timezone: UTC, runOnStart: true }\n`);
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  server.close();
  await rm(tmp, { recursive: true, force: true });
});

async function exitsPromptlyOnSigterm(args: string[]): Promise<number> {
  const hung = new Promise<void>((resolve) => (connected = resolve));
  const child = spawnCli(args, {
    HOME: tmp,
    PROOFLINE_HOME: join(tmp, 'home'),
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_REGION: 'eu-west-1',
    AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  child.stdout!.resume();
  child.stderr!.resume();
  const exited = once(child, 'exit');
  await hung; // the CLI is now waiting on AWS
  const sent = Date.now();
  child.kill('SIGTERM');
  await exited;
  return Date.now() - sent;
}

describe('SIGTERM', () => {
  it.each([
    ['run', ['run', '--out', 'OUT', '--quiet']],
    ['record', ['record', '--out', 'OUT', '--quiet']],
    ['schedule --once', ['schedule', '--once', '--config', 'CONFIG', '--quiet']],
    ['schedule (daemon)', ['schedule', '--config', 'DAEMON', '--quiet']],
  ])('%s exits within 5 s while a call hangs', async (_name, args) => {
    const resolved = args.map((a) => (a === 'OUT' ? join(tmp, `out-${_name.replace(/\W/g, '')}`) : a === 'CONFIG' ? join(tmp, 'config.yaml') : a === 'DAEMON' ? join(tmp, 'daemon.yaml') : a));
    expect(await exitsPromptlyOnSigterm(resolved)).toBeLessThan(5_000);
  }, 60_000);
});
