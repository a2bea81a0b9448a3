/**
 * Image references as containerd resolves them: `nginx` is `docker.io/library/nginx:latest`,
 * `bitnami/redis:7` is `docker.io/bitnami/redis:7`, a first part with a dot, a colon or
 * `localhost` names a registry host.
 */

export interface ImageRef {
  /** The fully qualified repository, e.g. `docker.io/library/nginx`. */
  readonly repository: string;
  /** The tag (`latest` when none was given and no digest was). */
  readonly tag: string;
  readonly digest?: string;
  /** What containerd reports as the container's image: `docker.io/library/nginx:1.27`. */
  readonly normalized: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/** Parses an image reference, or returns undefined when it is not a valid one (InvalidImageName). */
export function parseImageRef(image: string): ImageRef | undefined {
  if (image === '' || image !== image.trim()) return undefined;
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  let domain = 'docker.io';
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    domain = first;
    parts.shift();
  }
  if (parts.length === 0 || !parts.every((p) => COMPONENT.test(p))) return undefined;
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  const repository = `${domain}/${parts.join('/')}`;
  const effectiveTag = tag ?? (digest ? '' : 'latest');
  const normalized = digest
    ? `${repository}${effectiveTag ? `:${effectiveTag}` : ''}@${digest}`
    : `${repository}:${effectiveTag}`;
  return { repository, tag: effectiveTag, ...(digest ? { digest } : {}), normalized };
}
