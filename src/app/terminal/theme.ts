/**
 * Terminal colours for light and dark pages, matching app.css's palette. Foreground/background
 * pairs keep at least 4.5:1 contrast (WCAG AA) in both schemes.
 */
import type { ITheme } from '@xterm/xterm';

export const LIGHT: ITheme = {
  background: '#f7f9fc',
  foreground: '#1b1f24',
  cursor: '#2456c7',
  cursorAccent: '#f7f9fc',
  selectionBackground: '#b9cdf5',
  black: '#1b1f24',
  red: '#b3261e',
  green: '#1d6b2f',
  yellow: '#7a5a00',
  blue: '#2456c7',
  magenta: '#8a3ea8',
  cyan: '#0b6e79',
  white: '#5b6472',
};

export const DARK: ITheme = {
  background: '#0d1014',
  foreground: '#e6e9ef',
  cursor: '#8cb0ff',
  cursorAccent: '#0d1014',
  selectionBackground: '#33415c',
  black: '#3b4250',
  red: '#ff8a80',
  green: '#8fd19e',
  yellow: '#f2cc60',
  blue: '#8cb0ff',
  magenta: '#d9a6f2',
  cyan: '#7fd6df',
  white: '#e6e9ef',
};

export const DARK_QUERY = '(prefers-color-scheme: dark)';

export function themeFor(dark: boolean): ITheme {
  return dark ? DARK : LIGHT;
}
