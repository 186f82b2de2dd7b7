// results.json, streamed so that memory stays flat with the number of findings.
import type { RunResults } from '../results/run-results.ts';
import { openTextStream } from './text-stream.ts';

export async function writeResultsJson(path: string, results: RunResults): Promise<void> {
  const out = openTextStream(path);
  const { findings, evidence, ...head } = results;
  const headJson = JSON.stringify(head, null, 2);
  await out.write(headJson.slice(0, -2)); // reopen the object to append the large arrays
  for (const [name, items] of [['findings', findings], ['evidence', evidence]] as const) {
    await out.write(`,\n  "${name}": [`);
    for (let i = 0; i < items.length; i++) await out.write(`${i ? ',' : ''}\n    ${JSON.stringify(items[i])}`);
    await out.write(items.length ? '\n  ]' : ']');
  }
  await out.write('\n}\n');
  await out.close();
}
