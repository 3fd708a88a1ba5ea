/** What the catalogue knows of an image: registry facts (tags, digests, sizes, pull times) and its contents. */
export interface ImageTag {
  /** sha256 digest hex (64 chars) of the manifest list, as `imageID` reports it. */
  digest: string;
  /** Bytes, as the kubelet's Pulled event reports (`Image size: N bytes`). */
  size: number;
  /** Time a first pull takes on the simulated node's link. */
  pullMs: number;
}

export interface ImageSpec {
  /** Fully-qualified repository, e.g. `docker.io/library/nginx`. */
  repository: string;
  tags: Record<string, ImageTag>;
  entrypoint?: string[];
  cmd?: string[];
  env: Record<string, string>;
  workingDir?: string;
  /** Signal the runtime sends on stop (image STOPSIGNAL); SIGTERM when unset. */
  stopSignal?: number;
  /** Files in the image: path → content; a path ending in '/' is a directory. */
  files: Record<string, string>;
  /** Executables: path → program name in the program registry. */
  programs: Record<string, string>;
  /** The prompt `kubectl exec -it ... -- sh` shows (later issues use it). */
  prompt?: string;
}
