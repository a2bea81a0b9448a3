/**
 * `/kubesim/v1/*`: the simulator's own control endpoints beside the Kubernetes API, for
 * test harnesses and the browser app: read or move the virtual clock, run a line of the
 * kubesim command language (kubectl or sim), look without touching (inspect), and read the trace.
 */
import type { ServerResponse } from 'node:http';
import { parseDuration } from '../../engine/time/duration.ts';
import type { HandlerContext } from './http-handler.ts';
import { sendJson } from './http-handler.ts';

export interface ControlRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: string;
}

function fail(res: ServerResponse, code: number, message: string): void {
  sendJson(res, code, { error: message });
}

function clock(ctx: HandlerContext): { now: string; nowMs: number; speed: number } {
  const nowMs = ctx.session.cluster.clock.now();
  return { now: new Date(nowMs).toISOString(), nowMs, speed: ctx.clock.speed };
}

function bodyJson(body: string): Record<string, unknown> | undefined {
  if (body === '') return {};
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function handleControl(ctx: HandlerContext, request: ControlRequest, res: ServerResponse): void {
  const body = bodyJson(request.body);
  if (body === undefined) return fail(res, 400, 'the body must be a JSON object');
  const cluster = ctx.session.cluster;
  switch (`${request.method} ${request.path}`) {
    case 'GET /kubesim/v1/clock':
      return sendJson(res, 200, clock(ctx));
    case 'POST /kubesim/v1/advance': {
      const text = String(body.duration ?? request.query.duration ?? '');
      const ms = parseDuration(text);
      if (ms === undefined) return fail(res, 400, `duration must look like 30s, 5m or 1h30m, got "${text}"`);
      cluster.advance(ms);
      return sendJson(res, 200, clock(ctx));
    }
    case 'POST /kubesim/v1/settle': {
      const result = cluster.settle();
      return sendJson(res, 200, { ...clock(ctx), settled: result.settled, busy: result.busy });
    }
    case 'POST /kubesim/v1/speed': {
      const speed = Number(body.speed ?? request.query.speed);
      if (!Number.isFinite(speed) || speed < 0 || speed > 1000) {
        return fail(res, 400, 'speed must be a number from 0 to 1000');
      }
      ctx.clock.speed = speed;
      return sendJson(res, 200, clock(ctx));
    }
    case 'POST /kubesim/v1/exec': {
      if (typeof body.line !== 'string')
        return fail(res, 400, 'exec needs {"line": "kubectl ..." or "sim ..."}');
      const out = ctx.session.exec(body.line, typeof body.stdin === 'string' ? body.stdin : undefined);
      return sendJson(res, 200, { text: out.text, exitCode: out.exitCode, chunks: out.chunks });
    }
    case 'POST /kubesim/v1/inspect': {
      if (typeof body.line !== 'string') return fail(res, 400, 'inspect needs {"line": "kubectl get ..."}');
      const out = ctx.session.inspect(body.line);
      return sendJson(res, 200, { text: out.text, exitCode: out.exitCode });
    }
    case 'GET /kubesim/v1/trace': {
      const since = Number(request.query.since ?? 0);
      const limit = Math.min(Number(request.query.limit ?? 1000) || 1000, 10_000);
      const records = cluster.trace.since(Number.isFinite(since) ? since : 0).slice(0, limit);
      return sendJson(res, 200, { records, lastSeq: cluster.trace.lastSeq });
    }
    default:
      return fail(res, 404, `no control endpoint ${request.method} ${request.path}`);
  }
}
