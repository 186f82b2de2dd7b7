// Scheduler logs: one JSON object a line, so journald, CloudWatch or jq can read them.
import type { Writable } from 'node:stream';

export type LogLevel = 'info' | 'warn' | 'error';

export interface JsonLogger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

export function jsonLinesLogger(out: Pick<Writable, 'write'>, now: () => Date = () => new Date()): JsonLogger {
  return {
    log(level, event, fields = {}) {
      out.write(`${JSON.stringify({ time: now().toISOString(), level, event, ...fields })}\n`);
    },
  };
}

/** Collects entries in memory (tests, and callers that forward logs elsewhere). */
export function memoryLogger(): JsonLogger & { entries: { level: LogLevel; event: string; [k: string]: unknown }[] } {
  const entries: { level: LogLevel; event: string; [k: string]: unknown }[] = [];
  return { entries, log: (level, event, fields = {}) => entries.push({ level, event, ...fields }) };
}
