/** `sim registry add|remove IMAGE`: edits the simulated registry's catalogue. */
import type { Cluster } from '../cluster/cluster.ts';
import type { Output } from '../kubectl/output.ts';
import { imageRegistryOf } from '../node/registry/image-registry.ts';

export function runRegistry(cluster: Cluster, words: readonly string[], out: Output): void {
  const [action, image, ...rest] = words;
  if ((action !== 'add' && action !== 'remove') || !image || rest.length) {
    out.fail('error: usage: sim registry add|remove IMAGE');
    return;
  }
  const registry = imageRegistryOf(cluster);
  const ref = action === 'add' ? registry.add(image) : registry.remove(image);
  if (!ref) {
    out.fail(`error: invalid image reference "${image}"`);
    return;
  }
  out.out(
    action === 'add'
      ? `image ${image} added to the registry\n`
      : `image ${image} removed from the registry\n`,
  );
}
