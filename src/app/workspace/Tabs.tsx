/**
 * WAI-ARIA tabs: a tablist with roving focus (arrow keys, Home, End) and panels that stay mounted
 * while hidden, so the terminal keeps its screen and the panels their scroll position.
 */
import { useRef, type ReactNode } from 'react';

export interface TabDef<K extends string> {
  key: K;
  label: string;
  content: ReactNode;
  /** Extra class on the panel. */
  className?: string;
}

interface Props<K extends string> {
  label: string;
  idPrefix: string;
  tabs: TabDef<K>[];
  active: K;
  onSelect: (key: K) => void;
  className?: string;
}

export function Tabs<K extends string>({ label, idPrefix, tabs, active, onSelect, className }: Props<K>) {
  const list = useRef<HTMLDivElement>(null);
  const move = (from: number, delta: number | 'first' | 'last') => {
    const n = tabs.length;
    const to = delta === 'first' ? 0 : delta === 'last' ? n - 1 : (from + delta + n) % n;
    onSelect(tabs[to].key);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[to]?.focus();
  };
  return (
    <div className={`tabs ${className ?? ''}`}>
      <div role="tablist" aria-label={label} className="tablist" ref={list}>
        {tabs.map((t, i) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${t.key}`}
            aria-selected={t.key === active}
            aria-controls={`${idPrefix}-panel-${t.key}`}
            tabIndex={t.key === active ? 0 : -1}
            onClick={() => onSelect(t.key)}
            onKeyDown={(e) => {
              const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : e.key === 'Home' ? 'first' : e.key === 'End' ? 'last' : undefined;
              if (d === undefined) return;
              e.preventDefault();
              move(i, d);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.key}
          role="tabpanel"
          id={`${idPrefix}-panel-${t.key}`}
          aria-labelledby={`${idPrefix}-tab-${t.key}`}
          hidden={t.key !== active}
          className={`tabpanel ${t.className ?? ''}`}
        >
          {t.content}
        </div>
      ))}
    </div>
  );
}
