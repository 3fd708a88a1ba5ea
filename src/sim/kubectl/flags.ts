/**
 * Command-line flags with pflag's rules and messages: `--name=value`, `--name value`, `-n value`,
 * `-nvalue`, combined boolean shorthands (`-it`), `--` ending flags, and cobra's error wording
 * (`Error: unknown flag: --foo` + `See 'kubectl get --help' for usage.`).
 */
export type FlagType = 'bool' | 'string' | 'int' | 'strings';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | boolean | number | string[];
}

export type FlagValues = Record<string, string | boolean | number | string[] | undefined>;

export interface ParsedArgs {
  flags: FlagValues;
  /** Which flags the user actually set. */
  set: Set<string>;
  positional: string[];
  /** Arguments after `--`. */
  afterDash?: string[];
}

export class FlagError extends Error {}

/** Flags every kubectl command accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'v', short: 'v', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  // `--help`/`-h` (true) never reach a verb (help/help.ts answers them); `--help=false` does.
  { name: 'help', short: 'h', type: 'bool' },
];

export function parseFlags(args: string[], specs: FlagSpec[], command: string): ParsedArgs {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags: FlagValues = {};
  for (const s of all) if (s.default !== undefined) flags[s.name] = Array.isArray(s.default) ? [...s.default] : s.default;
  const set = new Set<string>();
  const positional: string[] = [];
  const usage = `See 'kubectl ${command} --help' for usage.`;
  const assign = (spec: FlagSpec, raw: string, shown: string) => {
    set.add(spec.name);
    switch (spec.type) {
      case 'bool': {
        const v = parseBool(raw);
        if (v === undefined) throw new FlagError(`Error: invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax\n${usage}`);
        flags[spec.name] = v;
        break;
      }
      case 'int': {
        if (!/^-?\d+$/.test(raw)) throw new FlagError(`Error: invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax\n${usage}`);
        flags[spec.name] = Number(raw);
        break;
      }
      case 'strings': {
        const prev = set.has(spec.name) && Array.isArray(flags[spec.name]) && flags[`__${spec.name}_set`] ? (flags[spec.name] as string[]) : [];
        flags[`__${spec.name}_set`] = true;
        flags[spec.name] = [...prev, raw];
        break;
      }
      default:
        flags[spec.name] = raw;
    }
  };
  const display = (s: FlagSpec) => (s.short ? `-${s.short}, --${s.name}` : `--${s.name}`);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return { flags: clean(flags), set, positional, afterDash: args.slice(i + 1) };
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`Error: unknown flag: --${name}\n${usage}`);
      if (eq >= 0) assign(spec, a.slice(eq + 1), display(spec));
      else if (spec.type === 'bool') assign(spec, 'true', display(spec));
      else {
        if (i + 1 >= args.length) throw new FlagError(`Error: flag needs an argument: --${name}\n${usage}`);
        assign(spec, args[++i], display(spec));
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // shorthand cluster: -it, -nfoo, -n foo, -o=yaml
      let j = 1;
      while (j < a.length) {
        const c = a[j];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`Error: unknown shorthand flag: '${c}' in ${a}\n${usage}`);
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            assign(spec, a.slice(j + 2), display(spec));
            break;
          }
          assign(spec, 'true', display(spec));
          j++;
          continue;
        }
        let rest = a.slice(j + 1);
        if (rest.startsWith('=')) rest = rest.slice(1);
        if (rest) assign(spec, rest, display(spec));
        else {
          if (i + 1 >= args.length) throw new FlagError(`Error: flag needs an argument: '${c}' in -${c}\n${usage}`);
          assign(spec, args[++i], display(spec));
        }
        break;
      }
      continue;
    }
    positional.push(a);
  }
  return { flags: clean(flags), set, positional };
}

function clean(f: FlagValues): FlagValues {
  for (const k of Object.keys(f)) if (k.startsWith('__')) delete f[k];
  return f;
}

function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}
