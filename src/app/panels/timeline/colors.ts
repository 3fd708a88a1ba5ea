import type { ContainerState } from '../model/timeline-model';

/** CSS classes per state; colours live in panels.css (light and dark). */
export function stateClass(state: ContainerState, reason?: string, exitCode?: number): string {
  switch (state) {
    case 'waiting':
      return reason && /BackOff|Err|Invalid|Error/.test(reason) ? 'st-waiting-bad' : 'st-waiting';
    case 'running':
      return 'st-running';
    case 'running-ready':
      return 'st-ready';
    case 'terminated':
      return exitCode === 0 ? 'st-completed' : 'st-terminated';
  }
}

export function phaseClass(phase: string, ready: boolean, terminating: boolean): string {
  if (terminating) return 'ph-terminating';
  if (phase === 'Running') return ready ? 'st-ready' : 'st-running';
  if (phase === 'Succeeded') return 'ph-succeeded';
  if (phase === 'Failed') return 'ph-failed';
  return 'st-waiting';
}
