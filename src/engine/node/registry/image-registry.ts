/**
 * The simulated image registry every node pulls from. A known repository serves only its
 * known tags (a typo'd tag is "not found"); an unknown repository pulls as if it existed,
 * so learners' own images work. `sim registry add|remove` edits the catalogue.
 */
import { fnv1a32 } from '../../time/rng.ts';
import { BUILTIN_CATALOG, UNKNOWN_REPOSITORY, type RepositoryInfo } from './catalog.ts';
import { parseImageRef, type ImageRef } from './image-ref.ts';

export interface ResolvedImage {
  readonly ref: ImageRef;
  readonly info: RepositoryInfo;
  readonly sizeBytes: number;
  /** `docker.io/library/nginx@sha256:…`, as the container status' imageID. */
  readonly imageID: string;
}

export type Resolution =
  | { readonly ok: true; readonly image: ResolvedImage }
  | { readonly ok: false; readonly reason: 'InvalidImageName' | 'NotFound'; readonly message: string };

export class ImageRegistry {
  readonly #repositories = new Map<string, { info: RepositoryInfo; tags: Set<string> }>();
  /** Whole references removed with `sim registry remove`, e.g. `docker.io/library/nginx:1.27`. */
  readonly #removed = new Set<string>();

  constructor(catalog: Readonly<Record<string, RepositoryInfo>> = BUILTIN_CATALOG) {
    for (const [repository, info] of Object.entries(catalog)) {
      this.#repositories.set(repository, { info, tags: new Set(info.tags) });
    }
  }

  resolve(image: string): Resolution {
    const ref = parseImageRef(image);
    if (!ref) {
      return {
        ok: false,
        reason: 'InvalidImageName',
        message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`,
      };
    }
    const known = this.#repositories.get(ref.repository);
    const removed = this.#removed.has(ref.normalized) || this.#removed.has(ref.repository);
    if (removed || (known && !ref.digest && !known.tags.has(ref.tag))) {
      return { ok: false, reason: 'NotFound', message: notFoundMessage(ref) };
    }
    const info = known?.info ?? UNKNOWN_REPOSITORY;
    const hash = fnv1a32(ref.normalized);
    // Tags of one repository differ a little in size (within ±8 %).
    const sizeBytes = Math.round(info.sizeBytes * (0.92 + ((hash % 1000) / 1000) * 0.16));
    const imageID = `${ref.repository}@${ref.digest ?? `sha256:${digestHex(ref.normalized)}`}`;
    return { ok: true, image: { ref, info, sizeBytes, imageID } };
  }

  /** Makes `image` pullable (a new tag of a known repository, or a removed one back). */
  add(image: string): ImageRef | undefined {
    const ref = parseImageRef(image);
    if (!ref) return undefined;
    this.#removed.delete(ref.normalized);
    this.#removed.delete(ref.repository);
    const known = this.#repositories.get(ref.repository);
    if (known) known.tags.add(ref.tag);
    return ref;
  }

  /** Makes `image` fail to pull; without a tag, the whole repository. */
  remove(image: string): ImageRef | undefined {
    const ref = parseImageRef(image);
    if (!ref) return undefined;
    const hasTag = /:[^/]*$/.test(image.split('@')[0] ?? '');
    this.#removed.add(hasTag || ref.digest ? ref.normalized : ref.repository);
    return ref;
  }
}

function notFoundMessage(ref: ImageRef): string {
  const n = ref.normalized;
  return (
    `rpc error: code = NotFound desc = failed to pull and unpack image "${n}": ` +
    `failed to resolve reference "${n}": ${n}: not found`
  );
}

function digestHex(text: string): string {
  let out = '';
  for (let i = 0; out.length < 64; i++) out += fnv1a32(`${text}#${i}`).toString(16).padStart(8, '0');
  return out.slice(0, 64);
}

const registries = new WeakMap<object, ImageRegistry>();

/** The registry of one cluster (shared by its nodes and `sim registry`). */
export function imageRegistryOf(cluster: object): ImageRegistry {
  let registry = registries.get(cluster);
  if (!registry) registries.set(cluster, (registry = new ImageRegistry()));
  return registry;
}
