/**
 * The learner's terminal: xterm.js on top of the engine's workstation (through SimClient).
 * This module is loaded lazily (its own chunk with xterm) so pages without a terminal stay small.
 * Screen reader mode keeps an accessible copy of the screen that assistive technology (and the
 * e2e tests) read.
 */
import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { SearchAddon } from '@xterm/addon-search';
import '@xterm/xterm/css/xterm.css';
import type { SimClient } from '../../client/SimClient';
import { ShellSession } from './shell-session';
import { DARK_QUERY, themeFor } from './theme';

export interface WorkstationTerminalProps {
  client: SimClient;
  /** Accessible name of the terminal's input. */
  label?: string;
  /** Focus the terminal once it is ready. */
  autoFocus?: boolean;
  /** Hands the workspace a way to type into the shell and focus it (session store's runInTerminal); returns its cleanup. */
  onControl?: (control: { type(data: string): void; focus(): void }) => () => void;
}

export default function WorkstationTerminal({ client, label = 'Workstation shell', autoFocus = false, onControl }: WorkstationTerminalProps) {
  const host = useRef<HTMLDivElement>(null);

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
      theme: themeFor(dark.matches),
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.loadAddon(new WebLinksAddon());
    term.loadAddon(new SearchAddon());
    term.open(el);
    term.textarea?.setAttribute('aria-label', label);
    fit.fit();

    const session = new ShellSession(term, client);
    const input = term.onData((d) => session.input(d));
    const onScheme = () => (term.options.theme = themeFor(dark.matches));
    dark.addEventListener('change', onScheme);
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
      dark.removeEventListener('change', onScheme);
      input.dispose();
      session.dispose();
      term.dispose();
    };
  }, [client, label, autoFocus, onControl]);

  return <div className="terminal-host" ref={host} />;
}
