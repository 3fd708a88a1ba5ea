/**
 * /fluent-bit/bin/fluent-bit (3.2): reads a classic-format configuration (-c), prints the
 * banner and its startup info lines, then runs its inputs (tail, cpu) and every Flush seconds
 * hands the buffered records to each output whose Match covers the tag: stdout (msgpack shown
 * as fluent-bit prints it) or http (a POST of the records as JSON).
 * The ASCII-art logo the real banner ends with is left out.
 */
import type { Process, Program } from '../../../runtime/process';
import { strftime } from '../../../shell/commands/time';
import { podNet, resolveIn, waitFor } from '../../../shell/commands/net/common';
import { FluentConfError, parseClassic, seconds, tagMatches, type Section } from './conf';
import { TailState } from './tail';

export const FLUENT_BIT_VERSION = '3.2.4';
const COMMIT = '2f93c7b0a6';
const POLL_MS = 250;

interface Rec {
  ms: number;
  fields: Array<[string, string | number]>;
}

interface Input {
  name: string;
  tag: string;
  poll(now: number): Rec[];
}

function stamp(p: Process): string {
  return strftime('[%Y/%m/%d %H:%M:%S]', p.host.now());
}

/** The stdout plugin's rendering of one record: `[[sec.nsec, {}], {"k"=>"v", ...}]`. */
function msgpackText(r: Rec): string {
  const sec = Math.floor(r.ms / 1000);
  const ns = String((r.ms % 1000) * 1_000_000).padStart(9, '0');
  const body = r.fields.map(([k, v]) => `${JSON.stringify(k)}=>${typeof v === 'number' ? v.toFixed(6) : JSON.stringify(v)}`).join(', ');
  return `[[${sec}.${ns}, {}], {${body}}]`;
}

/** Format json: an array of maps with the record time under json_date_key (default `date`). */
function jsonBody(recs: Rec[]): string {
  return '[' + recs.map((r) => `{"date":${(r.ms / 1000).toFixed(6)},${r.fields.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`).join(',') + ']';
}

export const fluentBit: Program = function* (p) {
  const args = p.argv.slice(1);
  let confPath: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c' || args[i] === '--config') confPath = args[++i];
    else if (args[i] === '--version' || args[i] === '-V') {
      p.fds.stdout.write(`Fluent Bit v${FLUENT_BIT_VERSION}\nGit commit: ${COMMIT}\n`);
      return 0;
    }
  }
  const out = (s: string) => p.fds.stdout.write(s);
  out(`Fluent Bit v${FLUENT_BIT_VERSION}\n* Copyright (C) 2015-2024 The Fluent Bit Authors\n* Fluent Bit is a CNCF sub-project under the umbrella of Fluentd\n* https://fluentbit.io\n\n`);
  const info = (msg: string) => out(`${stamp(p)} [ info] ${msg}\n`);
  const error = (msg: string) => out(`${stamp(p)} [error] ${msg}\n`);
  let sections: Section[];
  try {
    if (!confPath) throw new FluentConfError('[config] no configuration file given (use -c)');
    let text: string;
    try {
      text = p.host.fs.readFile(confPath);
    } catch {
      throw new FluentConfError(`[config] could not open configuration file, aborting.`);
    }
    sections = parseClassic(text, confPath);
  } catch (e) {
    if (!(e instanceof FluentConfError)) throw e;
    error(e.message);
    return 1;
  }
  const service = sections.find((s) => s.name === 'SERVICE')?.props ?? new Map<string, string>();
  const flushMs = seconds(service.get('flush'), 1) * 1000;
  info(`[fluent bit] version=${FLUENT_BIT_VERSION}, commit=${COMMIT}, pid=${p.pid}`);
  info('[storage] ver=1.5.2, type=memory, sync=normal, checksum=off, max_chunks_up=128');
  info('[simd    ] disabled');
  info('[cmetrics] version=0.9.9');
  info('[ctraces ] version=0.5.7');
  const inputs: Input[] = [];
  const counts = new Map<string, number>();
  const instance = (name: string) => {
    const n = counts.get(name) ?? 0;
    counts.set(name, n + 1);
    return `${name}.${n}`;
  };
  for (const s of sections.filter((x) => x.name === 'INPUT')) {
    const name = (s.props.get('name') ?? '').toLowerCase();
    const id = instance(name);
    const tag = s.props.get('tag') ?? id;
    if (name === 'tail') {
      const path = s.props.get('path');
      if (!path) {
        error(`[input:tail:${id}] no input 'path' was given`);
        error(`failed initialize input ${id}`);
        error('[engine] input initialization failed');
        return 1;
      }
      info(`[input:tail:${id}] initializing`);
      info(`[input:tail:${id}] storage_strategy='memory' (memory only)`);
      const key = s.props.get('key') ?? 'log';
      const state = new TailState(p.host.fs, path, /^(on|true|yes)$/i.test(s.props.get('read_from_head') ?? ''));
      let watch = 0;
      for (const f of state.offsets.keys()) info(`[input:tail:${id}] inotify_fs_add(): inode=${1000 + ++watch} watch_fd=${watch} name=${f}`);
      const refreshMs = seconds(s.props.get('refresh_interval'), 60) * 1000;
      let nextScan = p.host.now() + refreshMs;
      inputs.push({
        name: id,
        tag,
        poll(now) {
          if (now >= nextScan) {
            nextScan = now + refreshMs;
            for (const f of state.rescan()) info(`[input:tail:${id}] inotify_fs_add(): inode=${1000 + ++watch} watch_fd=${watch} name=${f}`);
          }
          return state.collect().filter((l) => l.length).map((l) => ({ ms: now, fields: [[key, l]] }));
        },
      });
    } else if (name === 'cpu') {
      const every = seconds(s.props.get('interval_sec'), 1) * 1000;
      let next = p.host.now() + every;
      inputs.push({
        name: id,
        tag,
        poll(now) {
          if (now < next) return [];
          next += every;
          // node01's two idle CPUs: the figures a quiet kind node reports.
          const f: Array<[string, number]> = [['cpu_p', 0.5], ['user_p', 0.25], ['system_p', 0.25]];
          for (const c of [0, 1]) f.push([`cpu${c}.p_cpu`, 0.5 * c], [`cpu${c}.p_user`, 0], [`cpu${c}.p_system`, 0.5 * c]);
          return [{ ms: now, fields: f }];
        },
      });
    } else {
      error(`[config] section '${name}' tried to instance a plugin name that doesn't exist`);
      error(`configuration file contains errors, aborting.`);
      return 1;
    }
  }
  const outputs = sections.filter((x) => x.name === 'OUTPUT').map((s) => {
    const name = (s.props.get('name') ?? '').toLowerCase();
    return { name, id: instance(name), match: s.props.get('match') ?? '', props: s.props };
  });
  for (const o of outputs) {
    if (o.name !== 'stdout' && o.name !== 'http') {
      error(`[config] section '${o.name}' tried to instance a plugin name that doesn't exist`);
      error(`configuration file contains errors, aborting.`);
      return 1;
    }
    info(`[output:${o.name}:${o.id}] worker #0 started`);
  }
  info('[sp] stream processor started');
  const net = podNet(p);
  const pending = new Map<string, Rec[]>();
  let nextFlush = p.host.now() + flushMs;
  for (const s of [2, 15]) p.dispositions.set(s, 'catch');
  for (;;) {
    const r = yield { op: 'sleep', ms: POLL_MS };
    if (r && 'interrupted' in r) {
      // SIGTERM: fluent-bit logs the signal and exits after its grace period.
      out(`${stamp(p)} [engine] caught signal (${r.interrupted === 2 ? 'SIGINT' : 'SIGTERM'})\n`);
      info('[input] pausing ' + inputs.map((i) => i.name).join(', '));
      return 0;
    }
    const now = p.host.now();
    for (const i of inputs) {
      const recs = i.poll(now);
      if (recs.length) pending.set(i.tag, [...(pending.get(i.tag) ?? []), ...recs]);
    }
    if (now < nextFlush) continue;
    nextFlush = now + flushMs;
    for (const [tag, recs] of pending) {
      for (const o of outputs) {
        if (!tagMatches(o.match, tag)) continue;
        if (o.name === 'stdout') {
          out(recs.map((rec, n) => `[${n}] ${tag}: ${msgpackText(rec)}\n`).join(''));
          continue;
        }
        const host = o.props.get('host') ?? '127.0.0.1';
        const port = Number(o.props.get('port') ?? 80);
        const uri = o.props.get('uri') ?? '/';
        const ip = net && (/^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : resolveIn(p, net, host));
        if (!net || !ip) {
          // The real plugin's resolver error, then the engine's retry notice.
          error(`[net] getaddrinfo(host='${host}', err=4): Domain name not found`);
          continue;
        }
        const res = yield* waitFor(net.network.http(net.origin, ip, port, { method: 'POST', path: uri, headers: { Host: `${host}:${port}`, 'Content-Type': 'application/json', 'User-Agent': `Fluent-Bit` }, body: jsonBody(recs) }, 10_000));
        if (!res.ok) error(`[output:http:${o.id}] no upstream connections available to ${host}:${port}`);
        else if (res.response.status >= 200 && res.response.status < 300) info(`[output:http:${o.id}] ${host}:${port}, HTTP status=${res.response.status}${res.response.body ? '\n' + res.response.body.replace(/\n$/, '') : ''}`);
        else error(`[output:http:${o.id}] ${host}:${port}, HTTP status=${res.response.status}${res.response.body ? '\n' + res.response.body.replace(/\n$/, '') : ''}`);
      }
    }
    pending.clear();
  }
};
