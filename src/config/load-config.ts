// Reads and validates the config file; problems name the file and the field.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { configSchema, type ProoflineConfig } from './config-schema.ts';
import { InputError } from '../util/input-error.ts';

export class ConfigError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function parseConfig(data: unknown, file: string): ProoflineConfig {
  const r = configSchema.safeParse(data ?? {});
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => `${file}: field "${i.path.join('.') || '(root)'}": ${i.message}`).join('\n'));
  }
  return r.data;
}

export async function loadConfig(file: string | undefined): Promise<ProoflineConfig> {
  if (!file) return parseConfig({}, '(defaults)');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read config file (${(err as Error).message})`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new ConfigError(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  return parseConfig(data, file);
}
