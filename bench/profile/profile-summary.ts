// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by package/source file,
// and total (inclusive) time of the functions whose name matches --inclusive.
//   npx tsx bench/profile/profile-summary.ts <file.cpuprofile> [--top 25] [--inclusive name1,name2]
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** node_modules/<pkg> or the source path after the repository root. */
export function where(url: string): string {
  if (!url) return '(native/V8)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return url;
  const src = /\/((?:src|bench|test)\/.*)$/.exec(url);
  return src ? src[1] : url;
}

export function summarise(p: Profile, inclusiveNames: string[] = []) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const w = where(url);
    fn.set(`${functionName || '(anonymous)'} ${w}${url ? `:${lineNumber + 1}` : ''}`, (fn.get(`${functionName || '(anonymous)'} ${w}${url ? `:${lineNumber + 1}` : ''}`) ?? 0) + us);
    file.set(w, (file.get(w) ?? 0) + us);
  }
  // Inclusive time: a sample counts once for a name if that name is anywhere on its stack.
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>(inclusiveNames.map((n) => [n, 0]));
  if (inclusiveNames.length) {
    for (const [id, us] of self) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const name = byId.get(at)!.callFrame.functionName;
        if (inclusive.has(name) && !seen.has(name)) {
          seen.add(name);
          inclusive.set(name, inclusive.get(name)! + us);
        }
      }
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { totalMs: total / 1000, functions: sorted(fn), files: sorted(file), inclusive: [...inclusive] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, ...rest] = process.argv.slice(2);
  const top = Number(rest[rest.indexOf('--top') + 1]) || 25;
  const names = rest.includes('--inclusive') ? rest[rest.indexOf('--inclusive') + 1].split(',') : [];
  const s = summarise(JSON.parse(readFileSync(path, 'utf8')) as Profile, names);
  const pct = (us: number) => `${((us / 1000 / s.totalMs) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms`;
  process.stdout.write(`total sampled: ${s.totalMs.toFixed(0)} ms\n\nself time by package / file\n`);
  for (const [k, us] of s.files.slice(0, top)) process.stdout.write(`${pct(us)}  ${k}\n`);
  process.stdout.write('\nself time by function\n');
  for (const [k, us] of s.functions.slice(0, top)) process.stdout.write(`${pct(us)}  ${k}\n`);
  if (s.inclusive.length) process.stdout.write('\ninclusive time\n');
  for (const [k, us] of s.inclusive) process.stdout.write(`${pct(us)}  ${k}\n`);
}
