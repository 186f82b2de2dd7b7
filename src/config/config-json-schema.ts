// JSON Schema of proofline.config.yaml for editors (docs/config.schema.json), generated from the zod
// schema so the two cannot drift: `npx tsx src/config/config-json-schema.ts` rewrites the file.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { configSchema } from './config-schema.ts';

export const CONFIG_SCHEMA_FILE = fileURLToPath(new URL('../../docs/config.schema.json', import.meta.url));

export function configJsonSchema(): string {
  // io: 'input' describes what a person writes (defaults make fields optional), not the parsed result.
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return `${JSON.stringify({ ...schema, title: 'proofline.config.yaml' }, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(CONFIG_SCHEMA_FILE, configJsonSchema());
  process.stdout.write(`wrote ${CONFIG_SCHEMA_FILE}\n`);
}
