// results.json, streamed so that memory stays flat with the number of findings. Each finding and
// evidence entry is one line; where each is in the file is returned, so the package's renderers can read
// them back one at a time (util/json-rows.ts) instead of holding them.
import type { IterableResults } from '../results/run-results.ts';
import { FileRows, RowPositions, type Rows } from '../util/json-rows.ts';
import { openTextStream } from '../util/text-stream.ts';

export interface ResultsJsonRows {
  findings: RowPositions;
  evidence: RowPositions;
}

export async function writeResultsJson(path: string, results: IterableResults): Promise<ResultsJsonRows> {
  const out = openTextStream(path);
  let offset = 0;
  const write = (text: string, bytes = Buffer.byteLength(text)) => {
    offset += bytes;
    return out.write(text);
  };
  const { findings, evidence, ...head } = results;
  const headJson = JSON.stringify(head, null, 2);
  await write(headJson.slice(0, -2)); // reopen the object to append the large arrays
  const rows: ResultsJsonRows = { findings: new RowPositions(), evidence: new RowPositions() };
  for (const [name, items] of [['findings', findings], ['evidence', evidence]] as const) {
    await write(`,\n  "${name}": [`);
    let i = 0;
    for (const row of rowTexts(items)) {
      const prefix = `${i++ ? ',' : ''}\n    `; // ASCII: as many bytes as characters
      const bytes = Buffer.byteLength(row);
      rows[name].add(offset + prefix.length, bytes);
      await write(prefix + row, prefix.length + bytes);
    }
    await write(i ? '\n  ]' : ']');
  }
  await write('\n}\n');
  await out.close();
  return rows;
}

/** Each row as JSON text: copied as it is from a file (a run's spool), or stringified. */
function* rowTexts(items: Rows<unknown>): Generator<string> {
  if (items instanceof FileRows) yield* items.texts();
  else for (const item of items) yield JSON.stringify(item);
}
