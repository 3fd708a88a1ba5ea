/**
 * The keyboard shortcuts, behind `?` (and the "Keyboard shortcuts" button): a modal <dialog>,
 * which traps focus, closes on Escape and gives focus back to where it was.
 */
import { useEffect, useRef } from 'react';

export const SHORTCUTS: Array<[keys: string, what: string]> = [
  ['Ctrl+Enter (⌘+Enter)', 'Apply the manifest (kubectl apply -f)'],
  ['Ctrl+` (⌘+`)', 'Focus the terminal'],
  ['Shift+Alt+F', 'Format the manifest (keeps comments)'],
  ['Ctrl+Space', 'Complete a field or value in the editor'],
  ['F8 / Shift+F8', 'Next / previous problem in the editor'],
  ['Ctrl+M', 'Toggle whether Tab moves focus out of the editor (instead of indenting)'],
  ['Tab', 'Complete commands, pod names and files in the terminal'],
  ['Escape, then Tab', 'Leave the terminal (Tab alone completes)'],
  ['↑ / ↓, Ctrl+R', 'Recall and search terminal history'],
  ['Ctrl+C', 'Stop the running terminal command'],
  ['Ctrl+Shift+F', 'Find text in the terminal output'],
  ['Arrow keys', 'Move between tabs; resize panes when a divider has focus'],
  ['?', 'Show these shortcuts'],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([k, what]) => (
            <tr key={k}>
              <td>
                <kbd>{k}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
