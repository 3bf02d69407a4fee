/**
 * Speed and memory of the main paths, printed as a table. Run with `npm run bench`.
 * Timings are wall-clock medians over repeated runs on whatever machine runs this;
 * record results with the machine in docs/benchmarks.md, never assert them in tests.
 */
import { mkdtempSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadBaselineFile, loadBaselineText } from '../src/baseline/load.js';
import { renderBaseline } from '../src/render/render.js';

const REPO_ROOT = new URL('..', import.meta.url).pathname;

interface Measurement {
  name: string;
  iterations: number;
  medianMilliseconds: number;
  /** Heap retained after the runs and a full collection, minus before: a leak indicator. */
  heapDeltaMegabytes: number;
}

/** Runs a full garbage collection when node was started with --expose-gc, as `npm run bench` does. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function measure(name: string, iterations: number, action: () => void): Measurement {
  action();
  const samples: number[] = [];
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let index = 0; index < iterations; index++) {
    const start = process.hrtime.bigint();
    action();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;
  samples.sort((left, right) => left - right);
  return {
    name,
    iterations,
    medianMilliseconds: samples[Math.floor(samples.length / 2)] ?? 0,
    heapDeltaMegabytes: (heapAfter - heapBefore) / 1024 / 1024,
  };
}

/** Writes a baseline with many user tunnels, to see how rendering scales with connections. */
function writeLargeBaseline(connectionCount: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'aovpn-bench-'));
  copyFileSync(join(REPO_ROOT, 'baselines/eap/contoso-peap.xml'), join(folder, 'eap.xml'));
  const loaded = loadBaselineFile('baselines/contoso.yaml', REPO_ROOT);
  const baseline = structuredClone(loaded.baseline!);
  baseline.connections = Array.from({ length: connectionCount }, (_, index) => ({
    name: `Branch ${index} VPN`,
    tunnel: 'user' as const,
    servers: [`vpn${index}.contoso.com`],
    routes: [{ prefix: `10.${index % 256}.0.0/16` }],
    eapConfig: 'eap.xml',
  }));
  const path = join(folder, 'large.yaml');
  writeFileSync(path, stringify(baseline));
  return path;
}

function main(): void {
  const contosoText = loadBaselineFile('baselines/contoso.yaml', REPO_ROOT);
  const largePath = writeLargeBaseline(500);
  const large = loadBaselineFile(largePath);
  const results = [
    measure('validate contoso.yaml', 500, () => {
      loadBaselineFile('baselines/contoso.yaml', REPO_ROOT);
    }),
    measure('render contoso.yaml, all targets', 200, () => {
      renderBaseline(contosoText);
    }),
    measure('validate 500 connections', 20, () => {
      loadBaselineText(largePath, large.source!.text);
    }),
    measure('render 500 connections, all targets', 10, () => {
      renderBaseline(large);
    }),
  ];
  process.stdout.write('| case | iterations | median ms | heap delta MB |\n|---|---:|---:|---:|\n');
  for (const result of results) {
    process.stdout.write(
      `| ${result.name} | ${result.iterations} | ${result.medianMilliseconds.toFixed(2)} | ${result.heapDeltaMegabytes.toFixed(1)} |\n`,
    );
  }
  const peakMegabytes = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `\nPeak resident memory ${peakMegabytes.toFixed(0)} MB. Node ${process.version}, ${process.platform}/${process.arch}\n`,
  );
}

main();
