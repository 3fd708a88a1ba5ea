/**
 * The playground: a fresh simulated cluster and the workstation terminal, with the virtual clock
 * and its speed. The engine runs in a Web Worker; the terminal (xterm) is fetched on demand.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { SimClient, type ClockState } from '../../client/SimClient';
import { DEFAULT_START } from '../../client/defaults';
import { Layout } from '../Layout';
import { TimeControls } from './TimeControls';

const WorkstationTerminal = lazy(() => import('../terminal/WorkstationTerminal'));

export function Playground() {
  const [client, setClient] = useState<SimClient>();
  const [clock, setClock] = useState<ClockState>({ now: DEFAULT_START, speed: 1, paused: false, busy: false });

  useEffect(() => {
    const c = SimClient.inWorker({ seed: 1, start: DEFAULT_START, speed: 1 });
    const off = c.on({ clock: setClock });
    setClient(c);
    return () => {
      off();
      c.dispose();
    };
  }, []);

  return (
    <Layout wide>
      <h1>Playground</h1>
      <p className="lead">
        A one-node cluster and a shell with <code>kubectl</code>. Try <code>kubectl run web --image=nginx</code>, then{' '}
        <code>kubectl get pods -w</code> (Ctrl+C stops it). Tab completes commands, pod names and files.
      </p>
      <TimeControls clock={clock} onSpeed={(s) => client?.setSpeed(s)} onPause={() => client?.pause()} onResume={() => client?.resume()} />
      <section aria-label="Terminal" className="terminal-region">
        {client ? (
          <Suspense fallback={<p role="status">Loading the terminal…</p>}>
            <WorkstationTerminal client={client} autoFocus />
          </Suspense>
        ) : (
          <p role="status">Starting the cluster…</p>
        )}
      </section>
    </Layout>
  );
}
