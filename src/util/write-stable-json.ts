// A file of stableStringify(value, 2) + '\n', with one long top-level list written entry by entry. A
// package's snapshot index and manifest list every evidence file (48k at 100k findings): made whole,
// the sorted copy stableStringify makes, its text and the buffer written from it were tens of MB at once.
import { stableStringify } from './stable-json.ts';
import { openTextStream } from './text-stream.ts';

export async function writeStableJson<T extends object, K extends keyof T & string>(path: string, value: T, listKey: K): Promise<void> {
  const list = value[listKey] as unknown as readonly unknown[];
  // The top-level key, two spaces in: a nested key of the same name is indented further.
  const marker = `\n  "${listKey}": []`;
  const parts = stableStringify({ ...value, [listKey]: [] }, 2).split(marker);
  if (parts.length !== 2) throw new Error(`writeStableJson: "${listKey}" is not a top-level list of the document`);
  const [before, after] = parts;
  const out = openTextStream(path);
  try {
    await out.write(before);
    if (list.length === 0) await out.write(marker);
    else {
      await out.write(`\n  "${listKey}": [\n`);
      for (let i = 0; i < list.length; i++) {
        // As JSON.stringify indents an object two levels down.
        const entry = stableStringify(list[i], 2).replaceAll(/^/gm, '    ');
        await out.write(i ? `,\n${entry}` : entry);
      }
      await out.write('\n  ]');
    }
    await out.write(`${after}\n`);
  } finally {
    await out.close();
  }
}
