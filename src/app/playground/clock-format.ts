/** The virtual clock as the playground shows it: UTC, like the cluster's timestamps. */
export function formatClock(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}
