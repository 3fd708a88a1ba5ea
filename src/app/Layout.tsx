// The frame every page shares: skip link, site header, and the main landmark.
import type { ReactNode } from 'react';

export function Layout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <a className="brand-link" href="/">
          <span className="brand" aria-hidden="true">
            <svg viewBox="0 0 32 32" width="28" height="28" focusable="false">
              <rect x="3" y="3" width="26" height="26" rx="6" fill="none" stroke="currentColor" strokeWidth="2.5" />
              <rect x="8" y="9" width="7" height="14" rx="2" fill="currentColor" />
              <rect x="17" y="9" width="7" height="14" rx="2" fill="currentColor" opacity="0.55" />
            </svg>
          </span>
          <span className="brand-name">Pod Lab</span>
        </a>
        <nav aria-label="Site">
          <a href="/playground">Playground</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className={wide ? 'wide' : undefined}>
        {children}
      </main>
    </>
  );
}
