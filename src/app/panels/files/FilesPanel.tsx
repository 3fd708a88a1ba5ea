/**
 * Files at the cursor: each volume of a pod and each container's own view of its filesystem
 * (image files, writable layer and mounts), from the live cluster or from a replay to the cursor
 * instant. Directories navigate; a file opens read-only.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PanelProps } from '../panel-props';
import type { FsEntry, FsTarget } from '../../../client/history/types';
import { useCursorTime } from '../use-cursor-time';
import { useQueryAt } from '../use-query';
import { useTraceModels } from '../trace-models';
import { hms } from '../time-format';
import { isTokenVolume } from '../model/diagram-model';

const SCENE = { kind: 'scene' } as const;

export function FilesPanel({ client }: PanelProps) {
  const { t, live } = useCursorTime(client);
  useTraceModels(client);
  const sceneQ = useQueryAt(client, SCENE, t, live, (e) => e.kind === 'object');
  const scene = sceneQ.result?.ok && sceneQ.result.kind === 'scene' ? sceneQ.result.scene : undefined;
  const pods = scene?.pods ?? [];
  const [podKey, setPodKey] = useState<string>();
  const keyOf = (p: (typeof pods)[number]) => `${p.metadata?.namespace}/${p.metadata?.name}`;
  const pod = pods.find((p) => keyOf(p) === podKey) ?? pods[pods.length - 1];
  const sources = useMemo(() => {
    if (!pod) return [];
    const ns = pod.metadata?.namespace ?? 'default';
    const name = pod.metadata?.name ?? '';
    const out: Array<{ id: string; label: string; target: FsTarget }> = [];
    for (const v of pod.spec?.volumes ?? []) if (!isTokenVolume(v.name)) out.push({ id: `v:${v.name}`, label: `Volume ${v.name}`, target: { namespace: ns, pod: name, volume: v.name } });
    for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) out.push({ id: `c:${c.name}`, label: `Container ${c.name}`, target: { namespace: ns, pod: name, container: c.name } });
    return out;
  }, [pod]);
  const [sourceId, setSourceId] = useState<string>();
  const source = sources.find((s) => s.id === sourceId) ?? sources[0];
  const [path, setPath] = useState('/');
  const [open, setOpen] = useState<string>();
  useEffect(() => {
    setPath(source && 'volume' in source.target ? '/' : defaultDir(source?.target, pod));
    setOpen(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source?.id, pod && keyOf(pod)]);

  const ls = useQueryAt(client, source && { kind: 'ls', target: source.target, path }, t, live, (e) => e.kind === 'file' || e.kind === 'container');
  const file = useQueryAt(client, source && open ? { kind: 'read', target: source.target, path: open } : undefined, t, live, (e) => e.kind === 'file');
  const entries: FsEntry[] = ls.result?.ok && ls.result.kind === 'ls' ? ls.result.entries : [];
  const crumbs = path.split('/').filter(Boolean);
  const join = (name: string) => (path === '/' ? `/${name}` : `${path}/${name}`);

  return (
    <section aria-label="Files" className="panel panel-files">
      <div className="panel-toolbar" role="toolbar" aria-label="File browser controls">
        <label>
          Pod{' '}
          <select value={pod ? keyOf(pod) : ''} onChange={(e) => setPodKey(e.target.value)} disabled={!pods.length}>
            {pods.map((p) => (
              <option key={keyOf(p)} value={keyOf(p)}>
                {p.metadata?.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Show{' '}
          <select value={source?.id ?? ''} onChange={(e) => setSourceId(e.target.value)} disabled={!sources.length}>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" role="status">
          {live ? 'Live' : `As of ${hms(t)} UTC`}
          {ls.loading && !live ? ' (replaying…)' : ''}
        </span>
      </div>
      {!pod ? (
        <p className="panel-empty">{scene ? 'No pod at this time.' : 'Loading…'}</p>
      ) : (
        <div className="files-body">
          <nav aria-label="Path" className="crumbs">
            <button type="button" onClick={() => (setPath('/'), setOpen(undefined))}>
              /
            </button>
            {crumbs.map((c, i) => (
              <button key={i} type="button" onClick={() => (setPath('/' + crumbs.slice(0, i + 1).join('/')), setOpen(undefined))}>
                {c}/
              </button>
            ))}
          </nav>
          {ls.result && !ls.result.ok && <p className="panel-error">{ls.result.error}</p>}
          <div className="files-split">
            <table className="files-table">
              <caption className="visually-hidden">{`Files in ${path} of ${source?.label}`}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Size</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Modified</th>
                </tr>
              </thead>
              <tbody>
                {path !== '/' && (
                  <tr>
                    <td colSpan={4}>
                      <button type="button" className="linklike" onClick={() => setPath('/' + crumbs.slice(0, -1).join('/'))}>
                        ../
                      </button>
                    </td>
                  </tr>
                )}
                {entries.map((e) => (
                  <tr key={e.name} className={open === join(e.name) ? 'selected' : undefined}>
                    <td>
                      <button
                        type="button"
                        className="linklike"
                        onClick={() => {
                          if (e.type === 'dir') {
                            setPath(join(e.name));
                            setOpen(undefined);
                          } else if (e.type === 'file') setOpen(join(e.name));
                        }}
                        disabled={e.type === 'symlink'}
                      >
                        {e.name}
                        {e.type === 'dir' ? '/' : ''}
                      </button>
                      {e.type === 'symlink' && <span className="muted"> → {e.target}</span>}
                    </td>
                    <td>{e.type === 'file' ? e.size : ''}</td>
                    <td>
                      <code>{modeString(e)}</code>
                    </td>
                    <td>{e.mtime ? hms(e.mtime) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {open && (
              <div className="file-view">
                <div className="file-view-head">
                  <strong>{open}</strong> <span className="muted">(read-only)</span>
                  <button type="button" onClick={() => setOpen(undefined)}>
                    Close
                  </button>
                </div>
                {file.result && !file.result.ok ? <p className="panel-error">{file.result.error}</p> : <pre tabIndex={0} aria-label={`Contents of ${open}`}>{file.result?.ok && file.result.kind === 'read' ? file.result.content : 'Loading…'}</pre>}
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

/** Open a container at its first mount of a learner's volume, else at / (the interesting files are there). */
function defaultDir(target: FsTarget | undefined, pod: { spec?: { containers: Array<{ name: string; volumeMounts?: Array<{ name: string; mountPath: string }> }>; initContainers?: Array<{ name: string; volumeMounts?: Array<{ name: string; mountPath: string }> }> } } | undefined): string {
  if (!target || !('container' in target) || !pod?.spec) return '/';
  const c = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((x) => x.name === target.container);
  const m = c?.volumeMounts?.find((v) => !isTokenVolume(v.name));
  return m ? m.mountPath : '/';
}

function modeString(e: FsEntry): string {
  const kind = e.type === 'dir' ? 'd' : e.type === 'symlink' ? 'l' : '-';
  const bits = 'rwxrwxrwx';
  let s = '';
  for (let i = 0; i < 9; i++) s += e.mode & (1 << (8 - i)) ? bits[i] : '-';
  return kind + s;
}
