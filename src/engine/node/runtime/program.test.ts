import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../registry/catalog.ts';
import { piDigits } from './pi.ts';
import { programFor } from './program.ts';
import { tokenize } from './shell.ts';

const busybox = BUILTIN_CATALOG['docker.io/library/busybox']!;
const nginx = BUILTIN_CATALOG['docker.io/library/nginx']!;
const perl = BUILTIN_CATALOG['docker.io/library/perl']!;

describe('programFor', () => {
  it('runs a server image until stopped, listening on its ports', () => {
    const p = programFor(nginx, undefined, undefined);
    expect(p.exit).toBeUndefined();
    expect(p.ports).toEqual([80]);
    expect(p.ignoresSigterm).toBe(false);
  });

  it("passes flag-only args to a server image's entrypoint, which keeps serving", () => {
    const coredns = BUILTIN_CATALOG['registry.k8s.io/coredns/coredns']!;
    const p = programFor(coredns, undefined, ['-conf', '/etc/coredns/Corefile']);
    expect(p.exit).toBeUndefined();
    expect(p.ports).toEqual([53, 9153, 8080, 8181]);
    expect(p.rawPorts).toEqual([53]);
    expect(p.lines.map((l) => l.text)).toContain('CoreDNS-1.12.1');
  });

  it('exits at once for a shell image without a command', () => {
    expect(programFor(busybox, undefined, undefined).exit).toEqual({ atMs: 5, code: 0 });
  });

  it('interprets sh -c scripts', () => {
    const p = programFor(busybox, ['sh', '-c', 'echo hello; sleep 5; echo "bye now"; exit 3'], undefined);
    expect(p.lines).toEqual([
      { atMs: 0, text: 'hello' },
      { atMs: 5000, text: 'bye now' },
    ]);
    expect(p.exit).toEqual({ atMs: 5005, code: 3 });
    expect(p.ignoresSigterm).toBe(true);
  });

  it('drops redirections and records files written', () => {
    const p = programFor(
      busybox,
      ['sh', '-c', 'echo failed >&2; echo ok > /tmp/healthy; sleep 1 2>&1'],
      undefined,
    );
    expect(p.lines.map((l) => l.text)).toEqual(['failed']);
    expect(p.files).toEqual([{ path: '/tmp/healthy', createdAtMs: 0 }]);
  });

  it('honours && and ||', () => {
    const p = programFor(busybox, ['sh', '-c', 'false && echo no || echo yes'], undefined);
    expect(p.lines.map((l) => l.text)).toEqual(['yes']);
    expect(p.exit?.code).toBe(0);
  });

  it('runs while-true loops forever, repeating their body', () => {
    const p = programFor(busybox, ['sh', '-c'], ['while true; do echo tick; sleep 10; done']);
    expect(p.exit).toBeUndefined();
    expect(p.loop).toEqual({ startMs: 0, periodMs: 10_000, lines: ['tick'] });
  });

  it('runs a plain command with args', () => {
    expect(programFor(busybox, ['sleep', '3600'], undefined).exit).toEqual({ atMs: 3_600_005, code: 0 });
    expect(programFor(busybox, ['sleep'], ['infinity']).exit).toBeUndefined();
    expect(programFor(busybox, ['false'], undefined).exit?.code).toBe(1);
  });

  it('prints the date where the script runs date, rendered at that moment', () => {
    const p = programFor(
      busybox,
      ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'],
      undefined,
    );
    expect(p.lines).toEqual([
      { atMs: 0, text: '{dateTime}' },
      { atMs: 0, text: 'Hello from the Kubernetes cluster' },
    ]);
  });

  it('computes pi for the classic perl Job', () => {
    const p = programFor(perl, ['perl', '-Mbignum=bpi', '-wle', 'print bpi(20)'], undefined);
    expect(p.lines.map((l) => l.text)).toEqual(['3.1415926535897932385']);
    expect(p.exit?.code).toBe(0);
  });

  it('fails to start a missing executable in an image without a shell', () => {
    const pause = BUILTIN_CATALOG['registry.k8s.io/pause']!;
    expect(programFor(pause, ['sh', '-c', 'echo hi'], undefined).startError).toMatch(
      /exec: "sh": executable file not found in \$PATH: unknown$/,
    );
  });

  it('tracks files made with touch and rm', () => {
    const p = programFor(
      busybox,
      ['sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
      undefined,
    );
    expect(p.files).toEqual([{ path: '/tmp/healthy', createdAtMs: 0, removedAtMs: 30_000 }]);
  });
});

describe('tokenize', () => {
  it('keeps quoted words together and splits separators', () => {
    expect(tokenize(`echo "a; b" 'c'&&x||y;z`)).toEqual([
      'echo',
      'a; b',
      'c',
      '&&',
      'x',
      '||',
      'y',
      ';',
      'z',
    ]);
  });
});

describe('piDigits', () => {
  it('rounds the last digit', () => {
    expect(piDigits(5)).toBe('3.1416');
    expect(piDigits(10)).toBe('3.141592654');
  });
});
