/**
 * Container image references as `pkg/util/parsers.ParseImageName` reads them (it wraps the
 * docker `reference.ParseNormalizedNamed` grammar). The defaulter only needs the tag, but
 * an unparsable reference must be told apart: the API server then ignores the error and
 * treats the image as having no tag.
 */

export interface ImageReference {
  /** Registry host (with port), '' when the reference names none (Docker Hub). */
  readonly domain: string;
  /** The repository path without the domain. */
  readonly path: string;
  /** '' when no tag was written; `latest` is filled in only when there is no digest either. */
  readonly tag: string;
  readonly digest: string;
}

const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const TAG = /^\w[\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const DOMAIN = new RegExp(`^(?:${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?$`);
const HEX_IDENTIFIER = /^[a-f0-9]{64}$/;
const NAME_TOTAL_LENGTH_MAX = 255;

/** The parts of an image reference, or undefined when the reference is invalid. */
export function parseImageReference(image: string): ImageReference | undefined {
  if (HEX_IDENTIFIER.test(image)) return undefined;
  let rest = image;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const { domain, path } = splitDomain(rest);
  if (domain !== '' && !DOMAIN.test(domain)) return undefined;
  if (path === '' || !path.split('/').every((c) => PATH_COMPONENT.test(c))) return undefined;
  const normalized =
    (domain || 'docker.io') + '/' + (domain || path.includes('/') ? path : `library/${path}`);
  if (normalized.length > NAME_TOTAL_LENGTH_MAX) return undefined;
  if (tag === '' && digest === '') tag = 'latest';
  return { domain, path, tag, digest };
}

/** docker's splitDockerDomain: the first component is a registry only if it looks like a host. */
function splitDomain(name: string): { domain: string; path: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: '', path: name };
  const first = name.slice(0, slash);
  const looksLikeHost =
    first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first;
  return looksLikeHost ? { domain: first, path: name.slice(slash + 1) } : { domain: '', path: name };
}

/** SetDefaults_Container: `Always` for a `latest` tag (written or implied), else `IfNotPresent`. */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return parseImageReference(image)?.tag === 'latest' ? 'Always' : 'IfNotPresent';
}
