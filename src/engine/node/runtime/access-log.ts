/** The access-log line a web server image writes for a request, in its own format. */
import type { HttpRequestLine } from '../kubelet-api.ts';

import { monthName } from '../../time/clock.ts';

/** `01/Jan/2025:00:00:31 +0000`, the common log format's time. */
function commonLogTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${monthName(ms)}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** The line, or undefined for images that log no requests. */
export function accessLogLine(
  image: string,
  r: HttpRequestLine,
  status: number,
  bytes: number,
): string | undefined {
  const repository = image.split('@')[0]!.split(':')[0]!.split('/').pop() ?? '';
  const time = commonLogTime(r.atMs);
  if (repository === 'nginx') {
    return `${r.clientIp} - - [${time}] "${r.method} ${r.path} HTTP/1.1" ${status} ${bytes} "-" "curl/8.5.0" "-"`;
  }
  if (repository === 'httpd')
    return `${r.clientIp} - - [${time}] "${r.method} ${r.path} HTTP/1.1" ${status} 45`;
  return undefined;
}
