/**
 * Translates HTTP requests from real clients (kubectl, helm, client libraries) into the
 * engine's in-process API server calls, and its responses and watch streams back to HTTP.
 * Everything a client sends is treated as data for the simulated cluster only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiRequest, ApiResponse, HttpMethod } from '../../engine/apiserver/http-types.ts';
import { statusErrors, type Status } from '../../engine/apiserver/status.ts';
import type { Session } from '../../engine/session.ts';
import { openAttachStream } from './attach-stream.ts';
import { handleControl } from './control-routes.ts';
import type { ClockDriver } from './clock-driver.ts';
import { decodeKubernetesProtobuf, ProtobufDecodeError } from './protobuf/decode-protobuf.ts';

/** kube-apiserver's default `--max-request-body-bytes`-style limit for one request (3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

const METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export interface HandlerContext {
  readonly session: Session;
  readonly clock: ClockDriver;
  /** Open watch streams, so a shutdown can end them. */
  readonly watches: Set<ServerResponse>;
}

/** The component id a caller appears as in the trace. */
export function clientId(userAgent: string | undefined): string {
  const product = (userAgent ?? '').split('/')[0]!.toLowerCase();
  if (product === 'kubectl' || product.startsWith('kubectl')) return 'kubectl';
  if (product.startsWith('helm')) return 'helm';
  return product.replace(/[^a-z0-9-]/g, '') || 'client';
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendStatus(res: ServerResponse, status: Status): void {
  sendJson(res, status.code ?? 500, status);
}

function sendResponse(res: ServerResponse, response: ApiResponse): void {
  if (typeof response.body === 'string') {
    const type = response.headers['content-type'] ?? 'text/plain';
    res.writeHead(response.status, { ...response.headers, 'Content-Type': type });
    res.end(response.body);
    return;
  }
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, {
    ...response.headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

const PROTOBUF = 'application/vnd.kubernetes.protobuf';

/** Reads the body up to the limit; undefined when it was too large (already answered). */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        refused = true;
        sendStatus(res, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `Request entity too large: limit is ${MAX_BODY_BYTES}`,
          reason: 'RequestEntityTooLarge',
          code: 413,
        });
        req.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks));
    });
    req.on('error', () => resolve(undefined));
  });
}

/** JSON bodies are parsed here; anything else goes to the API server as text, which decodes or rejects it. */
function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers[name] = value;
    else if (Array.isArray(value)) headers[name] = value.join(', ');
  }
  // Bodies may come as protobuf, but answers are JSON: drop protobuf from what the client
  // accepts, and Go clients decode the JSON they are given.
  if (headers.accept) {
    const kept = headers.accept
      .split(',')
      .map((a) => a.trim())
      .filter((a) => !a.includes('protobuf'));
    headers.accept = kept.length > 0 ? kept.join(',') : 'application/json';
  }
  return headers;
}

/** Pages served from loopback (the Kubesim app on localhost) may call; no other site may. */
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

function allowLoopbackOrigin(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (origin === undefined || !LOOPBACK_ORIGIN.test(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept');
}

export async function handleHttp(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    allowLoopbackOrigin(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) if (!(key in query)) query[key] = value;
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
    const bytes = await readBody(req, res);
    if (bytes === undefined) return;
    const text = bytes.toString('utf8');
    if (method === 'GET' && url.pathname === '/kubesim/v1/stream') return openAttachStream(ctx, req, res);
    if (url.pathname.startsWith('/kubesim/')) {
      return handleControl(ctx, { method, path: url.pathname, query, body: text }, res);
    }
    if (!METHODS.has(method)) return sendStatus(res, statusErrors.methodNotAllowed());
    const headers = headersOf(req);
    let body: unknown = text !== '' ? parseBody(text) : undefined;
    const contentType = (headers['content-type'] ?? '').split(';')[0]!.trim();
    if (bytes.length > 0 && contentType === PROTOBUF) {
      // Go clients (client-go's typed clients, so kubectl create, drain and helm) write protobuf.
      if (method !== 'POST' && method !== 'PUT' && method !== 'DELETE') {
        return sendStatus(res, statusErrors.unsupportedMediaType(contentType));
      }
      try {
        body = decodeKubernetesProtobuf(bytes);
      } catch (e) {
        if (!(e instanceof ProtobufDecodeError)) throw e;
        return sendStatus(res, statusErrors.badRequest(e.message));
      }
      headers['content-type'] = 'application/json';
    }
    const request: ApiRequest = {
      method,
      path: url.pathname,
      query,
      headers,
      ...(body !== undefined ? { body } : {}),
    };
    const client = clientId(req.headers['user-agent']);
    if (method === 'GET' && (query.watch === 'true' || query.watch === '1')) {
      return openWatchStream(ctx, request, client, req, res);
    }
    sendResponse(res, ctx.session.cluster.apiserver.handle(request, { client }));
  } catch (e) {
    if (!res.headersSent) sendStatus(res, statusErrors.internal((e as Error).message));
    else res.end();
  }
}

/** A watch: newline-delimited JSON events on a chunked response, until either side ends it. */
function openWatchStream(
  ctx: HandlerContext,
  request: ApiRequest,
  client: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const opened = ctx.session.cluster.apiserver.watch(
    request,
    { client },
    {
      onEvent: (event) => {
        if (!res.writableEnded) res.write(`${JSON.stringify(event)}\n`);
      },
    },
  );
  if ('status' in opened) return sendResponse(res, opened);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  // Clients wait for the headers before they act (kubectl prints its list first): send them now.
  res.flushHeaders();
  ctx.watches.add(res);
  const timeoutSeconds = Number(request.query?.timeoutSeconds ?? 0);
  // The client's timeout is in its own (wall) seconds, whatever the simulation's speed.
  const timer = timeoutSeconds > 0 ? setTimeout(() => res.end(), timeoutSeconds * 1000) : undefined;
  const close = (): void => {
    if (timer) clearTimeout(timer);
    opened.stop();
    ctx.watches.delete(res);
  };
  req.on('close', close);
  res.on('close', close);
}
