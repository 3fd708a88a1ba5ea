/**
 * `-f FILE|DIR|-`: reading manifests the way kubectl's resource builder does (a directory means
 * its .yaml/.yml/.json files in name order; `-` is stdin), then decoding each YAML document in turn.
 */
import type { KubectlCtx } from './context';
import { ManifestError, parseManifests, type ManifestDoc } from '../api/manifest';

export interface Source {
  /** The name kubectl quotes in messages ("pod.yaml", "STDIN"). */
  name: string;
  docs: ManifestDoc[];
}

export type SourcesResult = { sources: Source[]; errors: string[] };

export function readSources(ctx: KubectlCtx, paths: string[]): SourcesResult {
  const sources: Source[] = [];
  const errors: string[] = [];
  const files: Array<{ name: string; text: string }> = [];
  for (const p of paths) {
    if (p === '-') {
      files.push({ name: 'STDIN', text: ctx.stdin ?? '' });
      continue;
    }
    if (!ctx.files.exists(p)) {
      errors.push(`error: the path "${p}" does not exist`);
      continue;
    }
    if (ctx.files.isDir(p)) {
      for (const f of ctx.files.list(p).filter((n) => /\.(ya?ml|json)$/.test(n)).sort()) {
        const full = `${p.replace(/\/$/, '')}/${f}`;
        files.push({ name: full, text: ctx.files.read(full) ?? '' });
      }
      continue;
    }
    files.push({ name: p, text: ctx.files.read(p) ?? '' });
  }
  for (const f of files) {
    try {
      sources.push({ name: f.name, docs: parseManifests(f.text, f.name) });
    } catch (e) {
      if (e instanceof ManifestError) errors.push(e.message);
      else throw e;
    }
  }
  return { sources, errors };
}
