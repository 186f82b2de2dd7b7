// Reads and validates the config file; problems name the file and the field.
import { configSchema, type ProoflineConfig } from './config-schema.ts';
import { InputError, type InputProblem } from '../util/input-error.ts';
import { readParsed, validated } from '../util/read-validated.ts';
import { MAX_INPUT_FILE_BYTES } from '../util/text-limits.ts';

export class ConfigError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'ConfigError';
  }
}

export function parseConfig(data: unknown, file: string): ProoflineConfig {
  return validated(configSchema, data ?? {}, file, (m) => new ConfigError(m));
}

export async function loadConfig(file: string | undefined): Promise<ProoflineConfig> {
  if (!file) return parseConfig({}, '(defaults)');
  return parseConfig(await readParsed(file, { format: 'yaml', what: 'config file', maxBytes: MAX_INPUT_FILE_BYTES, toError: (m) => new ConfigError(m) }), file);
}
