/**
 * Workspace-wide keys, caught in the capture phase so they work wherever focus is (the editor,
 * the terminal, a panel): Ctrl/Cmd+Enter applies, Ctrl/Cmd+` focuses the terminal, `?` (outside
 * text entry) opens the shortcuts dialog.
 */
import { useEffect } from 'react';
import { useSession } from '../store/session';

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.closest) return false;
  return !!el.closest('input, textarea, select, [contenteditable="true"], .monaco-editor, .xterm');
}

export function useWorkspaceShortcuts(openHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && e.key === 'Enter') {
        e.preventDefault();
        e.stopPropagation();
        void useSession.getState().apply();
      } else if (mod && !e.altKey && (e.key === '`' || e.code === 'Backquote')) {
        e.preventDefault();
        e.stopPropagation();
        useSession.getState().focusTerminal();
      } else if (e.key === '?' && !mod && !e.altKey && !typingIn(e.target)) {
        e.preventDefault();
        openHelp();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [openHelp]);
}
