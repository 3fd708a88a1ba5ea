// Placeholder page. The real views (lesson list, lesson player, playground,
// embed) replace this; see ARCHITECTURE.md.
export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <span className="brand" aria-hidden="true">
          <svg viewBox="0 0 32 32" width="28" height="28" focusable="false">
            <rect x="3" y="3" width="26" height="26" rx="6" fill="none" stroke="currentColor" strokeWidth="2.5" />
            <rect x="8" y="9" width="7" height="14" rx="2" fill="currentColor" />
            <rect x="17" y="9" width="7" height="14" rx="2" fill="currentColor" opacity="0.55" />
          </svg>
        </span>
        <span className="brand-name">Pod Lab</span>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>Pod Lab</h1>
        <p className="lead">
          An interactive course on how the containers of one Kubernetes Pod work together: init containers,
          sidecars, shared volumes, localhost networking, and what happens when one of them fails.
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
          The course is being built. Lessons, the editor and the terminal arrive here soon.
        </p>
      </main>
    </>
  );
}
