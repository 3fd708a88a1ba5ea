/**
 * The kubelet's image manager (pkg/kubelet/images): imagePullPolicy decisions, the Pulling /
 * Pulled / Failed / BackOff events with their exact wording, and the per-pod image pull back-off.
 */
import type { Container } from '../api/types';
import type { ImageService } from '../runtime/cri';
import type { Backoff } from './backoff';
import { goDuration } from './duration';

export interface ImageEvents {
  normal(reason: string, message: string): void;
  warning(reason: string, message: string): void;
}

export type EnsureResult = { ok: true } | { ok: false; reason: string; message: string; retryAt: number };

export function ensureImage(
  c: Container,
  podUid: string,
  images: ImageService,
  backoff: Backoff,
  now: () => number,
  ev: ImageEvents,
  done: (r: EnsureResult) => void,
): void {
  const image = c.image ?? '';
  const policy = c.imagePullPolicy ?? 'IfNotPresent';
  const present = images.imagePresent(image);
  if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
    if (present) {
      ev.normal('Pulled', `Container image ${JSON.stringify(image)} already present on machine`);
      done({ ok: true });
    } else {
      const msg = `Container image ${JSON.stringify(image)} is not present with pull policy of Never`;
      ev.warning('ErrImageNeverPull', msg);
      done({ ok: false, reason: 'ErrImageNeverPull', message: msg, retryAt: now() + 10_000 });
    }
    return;
  }
  const key = `${podUid}_${image}`;
  if (backoff.inBackOffSinceUpdate(key, now())) {
    const msg = `Back-off pulling image ${JSON.stringify(image)}`;
    ev.normal('BackOff', msg);
    ev.warning('Failed', 'Error: ImagePullBackOff');
    done({ ok: false, reason: 'ImagePullBackOff', message: msg, retryAt: backoff.untilUpdate(key) });
    return;
  }
  ev.normal('Pulling', `Pulling image ${JSON.stringify(image)}`);
  images.pullImage(image, (r) => {
    if (r.ok) {
      backoff.reset(key);
      ev.normal('Pulled', `Successfully pulled image ${JSON.stringify(image)} in ${goDuration(r.pullMs)} (${goDuration(r.totalMs)} including waiting). Image size: ${r.size} bytes.`);
      done({ ok: true });
      return;
    }
    ev.warning('Failed', `Failed to pull image ${JSON.stringify(image)}: ${r.error}`);
    ev.warning('Failed', 'Error: ErrImagePull');
    backoff.next(key, now());
    done({ ok: false, reason: 'ErrImagePull', message: r.error, retryAt: now() + 1000 });
  });
}
