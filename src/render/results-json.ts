// results.json, streamed so that memory stays flat with the number of findings.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { RunResults } from '../results/run-results.ts';

export async function writeResultsJson(path: string, results: RunResults): Promise<void> {
  const out = createWriteStream(path);
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const { findings, evidence, ...head } = results;
  const headJson = JSON.stringify(head, null, 2);
  await write(headJson.slice(0, -2)); // reopen the object to append the large arrays
  for (const [name, items] of [['findings', findings], ['evidence', evidence]] as const) {
    await write(`,\n  "${name}": [`);
    for (let i = 0; i < items.length; i++) await write(`${i ? ',' : ''}\n    ${JSON.stringify(items[i])}`);
    await write(items.length ? '\n  ]' : ']');
  }
  await write('\n}\n');
  out.end();
  await once(out, 'finish');
}
