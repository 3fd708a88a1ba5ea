/**
 * The node's image store and pull queue (containerd's image service as the kubelet sees it).
 * Pulls are serialised, as with the kubelet's default serializeImagePulls=true, so a second pull
 * waits for the first: that waiting is the "(Xs including waiting)" of the Pulled event.
 */
import type { VirtualClock } from '../clock/clock';
import type { ImageService } from './cri';
import { findImage, parseImageRef, pullErrorText } from '../images/catalogue';

/** Time to learn that a reference does not exist (one registry round trip). */
const MISS_MS = 820;

export class NodeImageStore implements ImageService {
  private present = new Set<string>();
  private queueFreeAt = 0;

  constructor(private readonly clock: VirtualClock, preloaded: string[] = []) {
    for (const r of preloaded) {
      const ref = parseImageRef(r);
      if (ref) this.present.add(ref.normalized);
    }
  }

  imagePresent(raw: string): boolean {
    const ref = parseImageRef(raw);
    return !!ref && this.present.has(ref.normalized);
  }

  pullImage(raw: string, done: Parameters<ImageService['pullImage']>[1]): void {
    const ref = parseImageRef(raw);
    const now = this.clock.now();
    const startAt = Math.max(now, this.queueFreeAt);
    if (!ref) {
      this.clock.at(startAt, () => done({ ok: false, error: `rpc error: code = Unknown desc = failed to pull and unpack image "${raw}": invalid reference format` }));
      return;
    }
    const found = findImage(ref);
    if (!found) {
      this.queueFreeAt = startAt + MISS_MS;
      this.clock.at(this.queueFreeAt, () => done({ ok: false, error: pullErrorText(ref) }));
      return;
    }
    // A present image is only re-checked against the registry (manifest fetch): fast.
    const pullMs = this.present.has(ref.normalized) ? 300 + Math.floor(found.tag.size / 1e6) : found.tag.pullMs;
    const finish = startAt + pullMs;
    this.queueFreeAt = finish;
    this.clock.at(finish, () => {
      this.present.add(ref.normalized);
      done({ ok: true, imageRef: `${ref.repository}@sha256:${found.tag.digest}`, size: found.tag.size, pullMs, totalMs: finish - now });
    });
  }
}
