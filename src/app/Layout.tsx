// The frame every page shares: skip link, site header (brand, navigation, theme toggle), and the
// main landmark. Workspace pages use the full window (`workspace`); the embed route has no frame.
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { setThemeChoice, useDarkMode } from './theme';
import './shell.css';

export function Layout({ children, workspace = false }: { children: ReactNode; workspace?: boolean }) {
  const dark = useDarkMode();
  return (
    <div className={workspace ? 'page page-workspace' : 'page'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link className="brand-link" href="/">
          <span className="brand" aria-hidden="true">
            <svg viewBox="0 0 32 32" width="28" height="28" focusable="false">
              <rect x="3" y="3" width="26" height="26" rx="6" fill="none" stroke="currentColor" strokeWidth="2.5" />
              <rect x="8" y="9" width="7" height="14" rx="2" fill="currentColor" />
              <rect x="17" y="9" width="7" height="14" rx="2" fill="currentColor" opacity="0.55" />
            </svg>
          </span>
          <span className="brand-name">Pod Lab</span>
        </Link>
        <nav aria-label="Site">
          <Link href="/">Lessons</Link>
          <Link href="/playground">Playground</Link>
        </nav>
        <button type="button" className="theme-toggle" aria-pressed={dark} onClick={() => setThemeChoice(dark ? 'light' : 'dark')} title="Switch between light and dark">
          <span aria-hidden="true">{dark ? '☾' : '☀'}</span> <span className="theme-toggle-text">Dark theme</span>
        </button>
      </header>
      <main id="main" tabIndex={-1} className={workspace ? 'workspace-main' : undefined}>
        {children}
      </main>
    </div>
  );
}
