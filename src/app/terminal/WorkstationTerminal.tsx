/**
 * The learner's terminal: xterm.js on top of the engine's workstation (through SimClient).
 * This module is loaded lazily (its own chunk with xterm) so pages without a terminal stay small.
 * Screen reader mode keeps an accessible copy of the screen that assistive technology (and the
 * e2e tests) read.
 *
 * Keys the terminal keeps for itself are documented in its aria-description (KEYS_HELP): Tab
 * completes, so Escape then Tab leaves the terminal; Ctrl+Shift+F opens a find box over the
 * scrollback; Ctrl+Shift+C / Ctrl+Shift+V copy the selection and paste.
 */
import { useEffect, useRef, useState } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { SearchAddon } from '@xterm/addon-search';
import '@xterm/xterm/css/xterm.css';
import './terminal.css';
import type { SimClient } from '../../client/SimClient';
import { ShellSession } from './shell-session';
import { DARK_QUERY, themeFor } from './theme';
import { TerminalSearch } from './TerminalSearch';

export interface WorkstationTerminalProps {
  client: SimClient;
  /** Accessible name of the terminal's input. */
  label?: string;
  /** Focus the terminal once it is ready. */
  autoFocus?: boolean;
  /** Hands the workspace a way to type into the shell and focus it (session store's runInTerminal); returns its cleanup. */
  onControl?: (control: { type(data: string): void; focus(): void }) => () => void;
}

export const KEYS_HELP =
  'Tab completes commands and names; press Escape then Tab to leave the terminal. Up and Down recall history, Ctrl+R searches it. Ctrl+C interrupts, Ctrl+L clears. Ctrl+Shift+F finds text in the output; Ctrl+Shift+C copies the selection, Ctrl+Shift+V pastes.';

/** The page's colour scheme: the app's light/dark choice on <html data-theme>, else the system's. */
function pageIsDark(): boolean {
  const t = document.documentElement.getAttribute('data-theme');
  return t === 'dark' || (t !== 'light' && window.matchMedia(DARK_QUERY).matches);
}

export default function WorkstationTerminal({ client, label = 'Workstation shell', autoFocus = false, onControl }: WorkstationTerminalProps) {
  const host = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | undefined>(undefined);
  const searchRef = useRef<SearchAddon | undefined>(undefined);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const dark = window.matchMedia(DARK_QUERY);
    const term = new Terminal({
      screenReaderMode: true,
      // The engine writes "\n" as a Linux tty would after its own onlcr translation.
      convertEol: true,
      cursorBlink: true,
      fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
      fontSize: 14,
      scrollback: 5000,
      theme: themeFor(pageIsDark()),
      // The search addon's match highlights need proposed decorations.
      allowProposedApi: true,
    });
    const fit = new FitAddon();
    const search = new SearchAddon();
    term.loadAddon(fit);
    term.loadAddon(new WebLinksAddon());
    term.loadAddon(search);
    term.open(el);
    term.textarea?.setAttribute('aria-label', label);
    term.textarea?.setAttribute('aria-description', KEYS_HELP);
    fit.fit();
    termRef.current = term;
    searchRef.current = search;

    // Escape arms the next Tab to move focus out (Tab itself is completion).
    let escapeArmed = false;
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      if (e.key === 'Tab' && escapeArmed) {
        escapeArmed = false;
        return false; // not handled by xterm: the browser moves focus
      }
      escapeArmed = e.key === 'Escape';
      if (e.ctrlKey && e.shiftKey && !e.altKey) {
        const k = e.key.toLowerCase();
        if (k === 'f') {
          e.preventDefault();
          setSearching(true);
          return false;
        }
        if (k === 'c') {
          e.preventDefault();
          if (term.hasSelection()) void navigator.clipboard?.writeText(term.getSelection()).catch(() => {});
          return false;
        }
        if (k === 'v') {
          e.preventDefault();
          void navigator.clipboard?.readText().then((t) => term.paste(t)).catch(() => {});
          return false;
        }
      }
      return true;
    });

    const session = new ShellSession(term, client);
    const input = term.onData((d) => session.input(d));
    const onScheme = () => (term.options.theme = themeFor(pageIsDark()));
    dark.addEventListener('change', onScheme);
    // The app's theme toggle changes <html data-theme>.
    const themeWatch = new MutationObserver(onScheme);
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    // Refit whenever the container changes size (window resize, layout changes, rotation).
    const resize = new ResizeObserver(() => {
      if (el.clientWidth > 0 && el.clientHeight > 0) fit.fit();
    });
    resize.observe(el);
    if (autoFocus) term.focus();
    const offControl = onControl?.({ type: (d) => session.input(d), focus: () => term.focus() });

    return () => {
      offControl?.();
      resize.disconnect();
      themeWatch.disconnect();
      dark.removeEventListener('change', onScheme);
      input.dispose();
      session.dispose();
      term.dispose();
      termRef.current = undefined;
      searchRef.current = undefined;
    };
  }, [client, label, autoFocus, onControl]);

  return (
    <div className="terminal-frame">
      {searching && (
        <TerminalSearch
          find={(text, backwards) => {
            const s = searchRef.current;
            if (!s) return false;
            return backwards ? s.findPrevious(text) : s.findNext(text);
          }}
          close={() => {
            searchRef.current?.clearDecorations();
            termRef.current?.clearSelection();
            setSearching(false);
            termRef.current?.focus();
          }}
        />
      )}
      <div className="terminal-host" ref={host} />
    </div>
  );
}
