/**
 * Light/dark: follows the system unless the learner picks one with the toggle (remembered). The
 * choice is a `data-theme` attribute on <html> that app.css reads; Monaco and xterm follow it
 * through `useDarkMode`.
 */
import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'podlab:theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

function stored(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

let choice: ThemeChoice = typeof localStorage === 'undefined' ? 'system' : stored();

function systemDark(): boolean {
  return typeof matchMedia !== 'undefined' && matchMedia(DARK_QUERY).matches;
}

export function isDark(): boolean {
  return choice === 'dark' || (choice === 'system' && systemDark());
}

function applyToDocument(): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
  root.style.colorScheme = isDark() ? 'dark' : 'light';
  for (const l of listeners) l();
}

export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  try {
    if (next === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, next);
  } catch {
    /* the choice lasts for this visit */
  }
  applyToDocument();
}

export function themeChoice(): ThemeChoice {
  return choice;
}

/** Called once at start-up: apply the stored choice and follow system changes. */
export function initTheme(): void {
  applyToDocument();
  matchMedia(DARK_QUERY).addEventListener('change', applyToDocument);
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useDarkMode(): boolean {
  return useSyncExternalStore(subscribe, isDark);
}

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, themeChoice);
}
