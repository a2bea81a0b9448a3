/**
 * How ingress-nginx terminates TLS (pure). Each host of an Ingress rule is an nginx
 * server; the first Ingress (oldest first) with a rule for that host and a `tls` section
 * picks its certificate: the Secret named by the `tls` entry that lists the host, from
 * the Ingress's namespace, when the controller could load it (it holds `tls.crt` and
 * `tls.key` as PEM). Otherwise the server gets the controller's default certificate,
 * the self-signed "Kubernetes Ingress Controller Fake Certificate" — also what a host
 * without any TLS configuration, or a client sending no SNI, is shown.
 *
 * A server with a certificate (even the default one) redirects plain HTTP to HTTPS with
 * `308 Permanent Redirect`, unless the location's Ingress says
 * `nginx.ingress.kubernetes.io/ssl-redirect: "false"`;
 * `nginx.ingress.kubernetes.io/force-ssl-redirect: "true"` redirects even without one.
 *
 * Certificates are not parsed: a Secret's certificate is taken to be valid for the hosts
 * listed with it and issued by a CA the client trusts.
 */
import type { KubeObject } from '../api/types.ts';
import { decodeBase64 } from '../node/runtime/base64.ts';
import { INGRESS_CLASS } from './ingress-routes.ts';

export const FAKE_CERTIFICATE = 'Kubernetes Ingress Controller Fake Certificate';
/** What curl (with OpenSSL 3) says when the server's certificate is self-signed. */
export const SELF_SIGNED_ERROR = 'curl: (60) SSL certificate problem: self-signed certificate';

/** curl (8.5.0 on OpenSSL 3.0.13) speaking TLS to a plain-HTTP port. */
export const WRONG_VERSION_ERROR =
  'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number';
/** nginx's answer to plain HTTP on its HTTPS port. */
export const PLAIN_HTTP_TO_HTTPS = 'HTTP 400 Bad Request (The plain HTTP request was sent to HTTPS port)';

const ANNOTATION = 'nginx.ingress.kubernetes.io/';

/** The certificate nginx presents for a server. */
export type ServerCertificate =
  | { readonly kind: 'secret'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'default' };

interface IngressSpec {
  ingressClassName?: string;
  tls?: { hosts?: string[]; secretName?: string }[];
  rules?: { host?: string }[];
}

function specOf(ingress: KubeObject): IngressSpec {
  return (ingress.spec ?? {}) as IngressSpec;
}

function servedByNginx(ingress: KubeObject): boolean {
  const cls = specOf(ingress).ingressClassName;
  return cls === undefined || cls === INGRESS_CLASS;
}

/** The controller's order: oldest first, then by namespace/name. */
function byAge(ingresses: readonly KubeObject[]): KubeObject[] {
  const key = (i: KubeObject) => `${i.metadata.namespace ?? ''}/${i.metadata.name ?? ''}`;
  return ingresses
    .filter(servedByNginx)
    .slice()
    .sort((a, b) => {
      const ta = a.metadata.creationTimestamp ?? '';
      const tb = b.metadata.creationTimestamp ?? '';
      if (ta !== tb) return ta < tb ? -1 : 1;
      return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
    });
}

function wildcardMatches(pattern: string, host: string): boolean {
  return (
    pattern.startsWith('*.') &&
    host.endsWith(pattern.slice(1)) &&
    host.split('.').length === pattern.split('.').length
  );
}

/** The nginx server a request host lands on: an exact rule host, then a wildcard one; else the catch-all `_`. */
export function serverNameFor(ingresses: readonly KubeObject[], host: string): string {
  const hosts = byAge(ingresses).flatMap((i) => (specOf(i).rules ?? []).map((r) => r.host ?? ''));
  const lower = host.toLowerCase();
  if (hosts.some((h) => h !== '' && h.toLowerCase() === lower)) return lower;
  return hosts.find((h) => wildcardMatches(h.toLowerCase(), lower))?.toLowerCase() ?? '_';
}

/** Whether the controller could load a Secret as a certificate and key. */
function loadable(secret: KubeObject | undefined): boolean {
  const data = (secret as { data?: Record<string, string> } | undefined)?.data ?? {};
  const crt = data['tls.crt'];
  const key = data['tls.key'];
  return (
    crt !== undefined &&
    key !== undefined &&
    decodeBase64(crt).includes('-----BEGIN CERTIFICATE-----') &&
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(decodeBase64(key))
  );
}

/**
 * The certificate of a server (a rule host), or undefined when no Ingress gives it TLS —
 * nginx then still answers HTTPS, with the default certificate, but never redirects.
 */
export function serverCertificate(
  ingresses: readonly KubeObject[],
  secrets: readonly KubeObject[],
  server: string,
): ServerCertificate | undefined {
  if (server === '_') return undefined;
  for (const ingress of byAge(ingresses)) {
    const spec = specOf(ingress);
    if (!(spec.rules ?? []).some((r) => (r.host ?? '').toLowerCase() === server)) continue;
    if (!spec.tls?.length) continue;
    const entry = spec.tls.find((t) => (t.hosts ?? []).some((h) => h.toLowerCase() === server));
    const secretName = entry?.secretName ?? '';
    if (!secretName) return { kind: 'default' };
    const namespace = ingress.metadata.namespace ?? 'default';
    const secret = secrets.find((s) => s.metadata.namespace === namespace && s.metadata.name === secretName);
    // The controller logs `Error getting SSL certificate "ns/name": local SSL certificate
    // ns/name was not found. Using default certificate` and serves its own.
    if (!loadable(secret)) return { kind: 'default' };
    return { kind: 'secret', namespace, name: secretName };
  }
  return undefined;
}

/** Go's strconv.ParseBool, as ingress-nginx reads boolean annotations; undefined when unset or invalid. */
function boolAnnotation(ingress: KubeObject | undefined, name: string): boolean | undefined {
  const raw = ingress?.metadata.annotations?.[`${ANNOTATION}${name}`];
  if (raw === undefined) return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  return undefined;
}

/**
 * Where a plain-HTTP request is redirected (`308 Permanent Redirect`), given its server's
 * certificate and the Ingress of its location; undefined when it is served as it is. The
 * Location drops the port and, unless `preserve-trailing-slash` is set, a trailing slash.
 */
export function httpsRedirect(
  certificate: ServerCertificate | undefined,
  location: KubeObject | undefined,
  host: string,
  requestUri: string,
): string | undefined {
  const forced = boolAnnotation(location, 'force-ssl-redirect') === true;
  const redirect = certificate !== undefined && boolAnnotation(location, 'ssl-redirect') !== false;
  if (!forced && !redirect) return undefined;
  const uri =
    boolAnnotation(location, 'preserve-trailing-slash') !== true && requestUri.endsWith('/')
      ? requestUri.slice(0, -1)
      : requestUri;
  return `https://${host.split(':')[0] ?? host}${uri}`;
}

/** The outcome of the TLS handshake as a client sees it. */
export type Handshake =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly text: string; readonly error: string };

/**
 * The handshake for a connection to the HTTPS port: the certificate is picked by SNI (the
 * URL's host name; none for an IP address), and curl accepts the fake one only with --insecure.
 */
export function handshake(
  ingresses: readonly KubeObject[],
  secrets: readonly KubeObject[],
  sni: string | undefined,
  insecure: boolean,
): Handshake {
  const certificate = sni ? serverCertificate(ingresses, secrets, serverNameFor(ingresses, sni)) : undefined;
  if (certificate?.kind === 'secret')
    return { ok: true, text: `TLS ${certificate.namespace}/${certificate.name}` };
  const text = `TLS "${FAKE_CERTIFICATE}"`;
  if (insecure) return { ok: true, text: `${text} (not verified: --insecure)` };
  return { ok: false, text, error: SELF_SIGNED_ERROR };
}
