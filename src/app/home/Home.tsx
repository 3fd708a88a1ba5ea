// The home page: what Pod Lab is, and the way into the playground.
import { Layout } from '../Layout';

export function Home() {
  return (
    <Layout>
      <h1>Pod Lab</h1>
      <p className="lead">
        An interactive course on how the containers of one Kubernetes Pod work together: init containers,
        sidecars, shared volumes, localhost networking, and what happens when one of them fails.
      </p>
      <p>
        <a className="cta" href="/playground">
          Open the playground
        </a>{' '}
        — a terminal with <code>kubectl</code> on a simulated cluster.
      </p>
      <section aria-labelledby="how-heading">
        <h2 id="how-heading">How it works</h2>
        <ol>
          <li>Read a short lesson.</li>
          <li>Edit a Pod manifest in the editor and apply it.</li>
          <li>
            Watch a simulated cluster run it — pod timeline, container logs, a diagram of the Pod, and a terminal
            with <code>kubectl</code>.
          </li>
        </ol>
        <p>
          The cluster is simulated in your browser and is deterministic: the same manifest gives the same result
          every time, and nothing needs to be installed.
        </p>
      </section>
      <section aria-labelledby="who-heading">
        <h2 id="who-heading">Who it is for</h2>
        <p>Students learning Kubernetes, instructors embedding lessons in their courses, and CKA/CKAD candidates.</p>
      </section>
      <p className="status" role="status">
        The course is being built. Lessons and the editor arrive here soon; the terminal is ready in the playground.
      </p>
    </Layout>
  );
}
