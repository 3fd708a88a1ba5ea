/**
 * How long node operations take in virtual time. Values are typical of a kubeadm node with
 * containerd: sandbox creation well under a second, container create/start in tens of ms,
 * PLEG relisting every second.
 */
export const SCHEDULE_DELAY_MS = 5;
export const KUBELET_PICKUP_MS = 15;
export const SANDBOX_CREATE_MS = 780;
export const CONTAINER_CREATE_MS = 60;
export const CONTAINER_START_MS = 45;
export const PLEG_RELIST_MS = 1000;
/** Resync period for a pod whose container waits in back-off (emits BackOff events meanwhile). */
export const BACKOFF_RESYNC_MS = 10_000;
/** The kubelet never gives a container less than this to stop (minimumGracePeriodInSeconds). */
export const MIN_GRACE_SECONDS = 2;
