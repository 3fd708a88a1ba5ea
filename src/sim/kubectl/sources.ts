/**
 * `-f FILE|DIR|-`: reading manifests the way kubectl's resource builder does (a directory means
 * its .yaml/.yml/.json files in name order, those of subdirectories too with -R; `-` is stdin), then decoding each YAML document in turn.
 */
import type { KubectlCtx } from './context';
import { ManifestError, parseManifests, type ManifestDoc } from '../api/manifest';

export interface Source {
  /** The name kubectl quotes in messages ("pod.yaml", "STDIN"). */
  name: string;
  docs: ManifestDoc[];
}

export type SourcesResult = { sources: Source[]; errors: string[] };

export function readSources(ctx: KubectlCtx, paths: string[], recursive = false): SourcesResult {
  const sources: Source[] = [];
  const errors: string[] = [];
  const files: Array<{ name: string; text: string }> = [];
  // filepath.Walk in lexical order; subdirectories only with -R (FileVisitorForSTDIN/ExpandPathsToFileVisitors).
  const walk = (dir: string) => {
    for (const f of [...ctx.files.list(dir)].sort()) {
      const full = `${dir.replace(/\/$/, '')}/${f}`;
      if (ctx.files.isDir(full)) {
        if (recursive) walk(full);
      } else if (/\.(ya?ml|json)$/.test(f)) files.push({ name: full, text: ctx.files.read(full) ?? '' });
    }
  };
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
      walk(p);
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
