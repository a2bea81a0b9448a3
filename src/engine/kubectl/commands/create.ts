/** `kubectl create -f` and kubectl's generators: namespace, deployment, configmap, secret, service. */
import { builtinResources } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import { resourcePath } from '../../client/api-client.ts';
import type { Status } from '../../apiserver/status.ts';
import { str, type CommandContext } from '../context.ts';
import { apiErrorMessage } from '../errors.ts';
import { readFileArgs } from '../file-source.ts';
import type { FlagSpec } from '../flags.ts';
import { targetForDocument } from '../object-target.ts';
import { formatObjects } from '../printing.ts';
import { kindWithGroup } from '../rest-mapper.ts';
import {
  configMapFor,
  genericSecretFor,
  dockerRegistrySecretFor,
  serviceFor,
  tlsSecretFor,
  type Generated,
} from './config-generators.ts';
import { deploymentFor } from './generators.ts';
import { cronJobFor, jobFor } from './batch-generators.ts';
import { dryRunSuffix, parseDryRun, validationQuery, writeFlags } from './write-options.ts';

export const createFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'save-config', type: 'bool', default: false },
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
  { name: 'image', type: 'stringArray' },
  { name: 'replicas', short: 'r', type: 'int', default: 1 },
  { name: 'port', type: 'int', default: -1 },
  { name: 'from-literal', type: 'stringArray' },
  { name: 'from-file', type: 'stringArray' },
  { name: 'type', type: 'string', default: '' },
  { name: 'cert', type: 'string', default: '' },
  { name: 'key', type: 'string', default: '' },
  { name: 'tcp', type: 'stringArray' },
  { name: 'node-port', type: 'int', default: 0 },
  { name: 'clusterip', type: 'string', default: '' },
  { name: 'external-name', type: 'string', default: '' },
  { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/' },
  { name: 'docker-username', type: 'string', default: '' },
  { name: 'docker-password', type: 'string', default: '' },
  { name: 'docker-email', type: 'string', default: '' },
  { name: 'schedule', type: 'string', default: '' },
  { name: 'restart', type: 'string', default: '' },
  { name: 'from', type: 'string', default: '' },
  ...writeFlags,
];

const CRONJOBS = builtinResources.find((r) => r.group === 'batch' && r.plural === 'cronjobs')!;
const SERVICE_KINDS = ['clusterip', 'nodeport', 'loadbalancer', 'externalname'] as const;

/** The object a `kubectl create <generator> NAME` builds, or kubectl's error. */
function generated(ctx: CommandContext): Generated | undefined {
  const { flags } = ctx;
  const [what, ...rest] = ctx.args;
  const named = (command: string, names: readonly string[]): string | { error: string } =>
    names.length === 1
      ? names[0]!
      : {
          error: `error: exactly one NAME is required, got ${names.length}\nSee 'kubectl create ${command} -h' for help and examples`,
        };
  const sources = {
    literals: flags['from-literal'] as string[],
    files: flags['from-file'] as string[],
    readFile: (path: string) => ctx.host.readFile(path),
  };
  if (what === 'configmap' || what === 'cm') {
    const name = named('configmap', rest);
    return typeof name === 'string' ? configMapFor(name, sources) : name;
  }
  if (what === 'secret') {
    const [variant, ...names] = rest;
    if (variant === 'generic') {
      const name = named('secret generic', names);
      return typeof name === 'string' ? genericSecretFor(name, str(flags, 'type'), sources) : name;
    }
    if (variant === 'docker-registry') {
      const name = named('secret docker-registry', names);
      if (typeof name !== 'string') return name;
      return dockerRegistrySecretFor(name, {
        server: str(flags, 'docker-server'),
        username: str(flags, 'docker-username'),
        password: str(flags, 'docker-password'),
        email: str(flags, 'docker-email'),
      });
    }
    if (variant === 'tls') {
      const name = named('secret tls', names);
      if (typeof name !== 'string') return name;
      const read = (path: string) => (path ? ctx.host.readFile(path) : undefined);
      return tlsSecretFor(name, read(str(flags, 'cert')), read(str(flags, 'key')));
    }
    return undefined;
  }
  if (what === 'cronjob' || what === 'cj') {
    return cronJobFor(rest, {
      images: flags.image as string[],
      schedule: str(flags, 'schedule'),
      restart: str(flags, 'restart'),
    });
  }
  if (what === 'job') {
    return jobFor(rest, {
      images: flags.image as string[],
      from: str(flags, 'from'),
      readCronJob: (name) => {
        const res = ctx.host.client.request({
          method: 'GET',
          path: resourcePath(CRONJOBS, ctx.namespace, name),
        });
        return res.status >= 400 ? apiErrorMessage(res.body as Status) : (res.body as KubeObject);
      },
    });
  }
  if (what === 'service' || what === 'svc') {
    const [variant, ...names] = rest;
    const kind = SERVICE_KINDS.find((k) => k === variant);
    if (!kind) return undefined;
    const name = named(`service ${kind}`, names);
    if (typeof name !== 'string') return name;
    return serviceFor(kind, name, {
      // --tcp is a string slice: each value may hold several comma-separated ports.
      tcp: (flags.tcp as string[]).flatMap((v) => v.split(',')),
      nodePort: flags['node-port'] as number,
      clusterIP: str(flags, 'clusterip'),
      externalName: str(flags, 'external-name'),
    });
  }
  return undefined;
}

export function runCreate(ctx: CommandContext): void {
  const { out, flags } = ctx;
  const dryRun = parseDryRun(ctx);
  if (typeof dryRun === 'object') return out.fail(dryRun.error);
  const validation = validationQuery(ctx);
  if (typeof validation === 'object') return out.fail(validation.error);

  let documents: { object: KubeObject; source: string }[];
  let failures: string[];
  let generator: Generated | undefined;
  if ((flags.filename as string[]).length > 0) {
    ({ documents, errors: failures } = readFileArgs(ctx));
  } else if (ctx.args[0] === 'namespace' || ctx.args[0] === 'ns') {
    const name = ctx.args[1];
    if (!name)
      return out.fail(
        "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples",
      );
    documents = [{ object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, source: '' }];
    failures = [];
  } else if (ctx.args[0] === 'deployment' || ctx.args[0] === 'deploy') {
    const images = flags.image as string[];
    if (images.length === 0) return out.fail('error: required flag(s) "image" not set');
    const name = ctx.args[1];
    if (!name || ctx.args.length > 2)
      return out.fail(
        `error: exactly one NAME is required, got ${ctx.args.length - 1}\nSee 'kubectl create deployment -h' for help and examples`,
      );
    if (images.length > 1 && (flags.port as number) >= 0) {
      return out.fail('error: cannot specify multiple --image options and --port');
    }
    documents = [
      { object: deploymentFor(name, images, flags.replicas as number, flags.port as number), source: '' },
    ];
    failures = [];
  } else if (ctx.args.length > 0 && (generator = generated(ctx))) {
    if ('error' in generator) return out.fail(generator.error);
    documents = [{ object: generator.object, source: '' }];
    failures = [];
  } else if (ctx.args.length > 0) {
    return out.fail(
      `error: unknown command "${ctx.args[0]}" for "kubectl create"\nRun 'kubectl create --help' for usage.`,
    );
  } else {
    return out.fail(`error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples`);
  }

  const output = str(flags, 'output');
  const serviceGenerator = generator !== undefined && (ctx.args[0] === 'service' || ctx.args[0] === 'svc');
  // `create cronjob` and `create job` wrap the server's error in their own words too.
  const wrapped =
    generator === undefined
      ? undefined
      : ctx.args[0] === 'cronjob' || ctx.args[0] === 'cj'
        ? 'cronjob'
        : ctx.args[0] === 'job'
          ? 'job'
          : undefined;
  for (const doc of documents) {
    const target = targetForDocument(ctx, doc);
    if (typeof target === 'string') {
      failures.push(target);
      continue;
    }
    // A generated object printed without the server shows a namespace only when -n named one.
    let created = doc.source === '' && !ctx.namespaceExplicit ? doc.object : target.object;
    if (dryRun !== 'client') {
      const query: Record<string, string> = {
        fieldManager: str(flags, 'field-manager'),
        fieldValidation: validation,
      };
      if (dryRun === 'server') query.dryRun = 'All';
      const res = ctx.host.client.request({
        method: 'POST',
        path: resourcePath(target.resource, target.namespace),
        query,
        body: target.object,
      });
      if (res.status >= 400) {
        const status = res.body as Status;
        // `create service` wraps the server's error in its own words, which loses kubectl's
        // "The … is invalid" form.
        const serviceType = serviceGenerator ? (doc.object.spec as { type?: string }).type : undefined;
        failures.push(
          serviceType
            ? `failed to create ${serviceType} service: ${status.message ?? ''}`
            : wrapped
              ? `failed to create ${wrapped}: ${status.message ?? ''}`
              : apiErrorMessage(status, doc.source ? { verb: 'creating', source: doc.source } : undefined),
        );
        continue;
      }
      created = res.body as KubeObject;
    }
    if (output === 'yaml' || output === 'json') out.out(formatObjects([created], output, { single: true }));
    else if (output === 'name') out.out(`${kindWithGroup(target.resource)}/${created.metadata.name ?? ''}\n`);
    else
      out.out(
        `${kindWithGroup(target.resource)}/${created.metadata.name ?? target.name} created${dryRunSuffix(dryRun)}\n`,
      );
  }
  for (const f of failures)
    out.fail(f.startsWith('Error from server') || f.startsWith('The ') ? f : `error: ${f}`);
}
