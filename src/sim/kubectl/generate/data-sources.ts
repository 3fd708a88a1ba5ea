/**
 * The key/value sources of `kubectl create configmap` and `create secret generic`:
 * `--from-literal=key=value`, `--from-file=[key=]path` (a directory adds each regular file in it,
 * by name) and `--from-env-file=path` (KEY=value lines; a bare KEY takes the caller's environment
 * variable). Rules and messages are kubectl's (cmd/util/helpers.go ParseLiteralSource and
 * ParseFileSource, cmd/util/env_file.go, create_configmap.go, create_secret.go).
 */
import type { KubectlCtx } from '../context';
import { isConfigMapKey, regexError } from '../../api/validation/names';

export class SourceError extends Error {}

/** One key as read from a source, before the object-specific key checks. */
export interface KeyValue {
  key: string;
  value: string;
}

export function parseLiteralSource(source: string): KeyValue {
  // SplitN(source, "=", 2): the value keeps any further '='.
  const i = source.indexOf('=');
  if (i <= 0) throw new SourceError(`invalid literal source ${source}, expected key=value`);
  return { key: source.slice(0, i), value: source.slice(i + 1) };
}

/** `[key=]path` → key (default: the file's base name) and path. */
export function parseFileSource(source: string): { key: string; path: string; keyGiven: boolean } {
  if (!source.includes('=')) return { key: source.replace(/\/+$/, '').split('/').pop() || source, path: source, keyGiven: false };
  const parts = source.split('=');
  if (parts.length > 2) throw new SourceError("key names or file paths cannot contain '='");
  const [key, path] = parts;
  if (!key) throw new SourceError(`key name for file path ${path} missing`);
  if (!path) throw new SourceError(`file path for key name ${key} missing`);
  return { key, path, keyGiven: true };
}

/** Go's os.Stat error as kubectl words it. */
function mustExist(ctx: KubectlCtx, path: string): void {
  if (!ctx.files.exists(path)) throw new SourceError(`error reading ${path}: no such file or directory`);
}

/** Every key/value a list of --from-file sources yields, in order. */
export function readFileSources(ctx: KubectlCtx, sources: string[]): KeyValue[] {
  const out: KeyValue[] = [];
  for (const source of sources) {
    const { key, path, keyGiven } = parseFileSource(source);
    mustExist(ctx, path);
    if (ctx.files.isDir(path)) {
      if (keyGiven) throw new SourceError('cannot give a key name for a directory path');
      // ReadDir returns entries sorted by name; only regular files become keys.
      for (const name of [...ctx.files.list(path)].sort()) {
        const full = `${path.replace(/\/+$/, '')}/${name}`;
        if (ctx.files.isDir(full)) continue;
        out.push({ key: name, value: ctx.files.read(full) ?? '' });
      }
    } else out.push({ key, value: ctx.files.read(path) ?? '' });
  }
  return out;
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** validation.IsEnvVarName. */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!ENV_VAR_NAME.test(value)) {
    errs.push(regexError('a valid environment variable name must consist of alphabetic characters, digits, \'_\', \'-\', or \'.\', and must not start with a digit', '[-._a-zA-Z][-._a-zA-Z0-9]*', 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  }
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** `--from-env-file`: one KEY=value per line; blank lines and `#` comments skipped. */
export function readEnvFile(ctx: KubectlCtx, path: string, what: 'config' | 'secret'): KeyValue[] {
  mustExist(ctx, path);
  if (ctx.files.isDir(path)) throw new SourceError(`env ${what} file cannot be a directory`);
  const text = ctx.files.read(path) ?? '';
  const out: KeyValue[] = [];
  // bufio.Scanner's ScanLines: split on \n, drop one trailing \r, no empty final token.
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, n) => {
    let line = raw.replace(/\r$/, '');
    if (n === 0) line = line.replace(/^\uFEFF/, '');
    line = line.replace(/^\s+/, '');
    if (!line || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq >= 0 ? line.slice(0, eq) : line;
    const errs = isEnvVarName(key);
    if (errs.length) throw new SourceError(`${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`);
    out.push({ key, value: eq >= 0 ? line.slice(eq + 1) : ctx.env?.get(key) ?? '' });
  });
  return out;
}

/** The config-key check both generators run on every key (the join differs: ',' vs ';'). */
export function configKeyErrors(key: string): string[] {
  return isConfigMapKey(key);
}
