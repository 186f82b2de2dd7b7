// Peak resident memory of this process, resettable on Linux (writing 5 to clear_refs resets VmHWM),
// so a stage's peak is measured after its inputs are loaded, without what came before it.
import { readFileSync, writeFileSync } from 'node:fs';

export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux: fall back to the lifetime peak
  }
  return process.resourceUsage().maxRSS / 1024;
}

export function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}
