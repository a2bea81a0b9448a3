/**
 * Image pulls on one node: serialized as the kubelet does by default
 * (`serializeImagePulls: true`), with durations from the image size and a per-node cache
 * of what is present.
 */
import type { Rng } from '../time/rng.ts';
import type { ResolvedImage } from './registry/image-registry.ts';

export interface PullPlan {
  /** When the pull starts (after waiting for earlier pulls) and ends, in virtual ms. */
  readonly startMs: number;
  readonly endMs: number;
}

export class ImagePuller {
  /** Normalized reference → size in bytes, for the node status' `images`. */
  readonly present = new Map<string, { names: string[]; sizeBytes: number }>();
  /** When the last booked pull of each image ends. */
  readonly #booked = new Map<string, number>();
  #freeAt = 0;

  constructor(private readonly rng: Rng) {}

  has(image: ResolvedImage): boolean {
    return this.present.has(image.ref.normalized);
  }

  /** Books a pull of `image` requested at `now`. */
  plan(image: ResolvedImage, now: number): PullPlan {
    const startMs = Math.max(now, this.#freeAt);
    const key = image.ref.normalized;
    // A pull queued behind a pull of the same image finds its layers already there: only
    // the manifest is fetched. Otherwise a registry round trip plus download and unpack
    // at 25–60 MB/s.
    const layersThere = this.present.has(key) || (this.#booked.get(key) ?? -1) >= startMs;
    const bytesPerMs = 25_000 + this.rng.float() * 35_000;
    const durationMs = layersThere
      ? 150 + this.rng.int(350)
      : Math.round(400 + this.rng.float() * 600 + image.sizeBytes / bytesPerMs);
    const endMs = startMs + durationMs;
    this.#freeAt = endMs;
    this.#booked.set(key, endMs);
    return { startMs, endMs };
  }

  /** A pull that fails (unknown tag) takes a registry round trip. */
  planFailure(now: number): PullPlan {
    const startMs = Math.max(now, this.#freeAt);
    const endMs = startMs + 300 + this.rng.int(900);
    this.#freeAt = endMs;
    return { startMs, endMs };
  }

  record(image: ResolvedImage): void {
    this.present.set(image.ref.normalized, {
      names: [image.imageID, image.ref.normalized],
      sizeBytes: image.sizeBytes,
    });
  }
}

/** Go's time.Duration formatting (as in `Successfully pulled image … in 2.345s`), to the millisecond. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = ((ms % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  if (hours) return `${hours}h${minutes}m${seconds}s`;
  if (minutes) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}
