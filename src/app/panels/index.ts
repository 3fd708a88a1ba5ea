/**
 * The panels that show the simulated Pod over time. Each takes the app's SimClient and follows the
 * shared time cursor (`cursor-store.ts`). The workspace layout mounts them in the bottom panel's tabs.
 */
import './panels.css';

export { TimelinePanel } from './timeline/TimelinePanel';
export { LogsPanel } from './logs/LogsPanel';
export { DiagramPanel } from './diagram/DiagramPanel';
export { FilesPanel } from './files/FilesPanel';
export { useCursor, cursorInstant, isLive, type Cursor } from './cursor-store';
export type { PanelProps } from './panel-props';
