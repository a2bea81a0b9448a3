/** ImageLocality: favours nodes that already hold the pod's images, scaled by how widely they are spread. */
import { MAX_NODE_SCORE, type Plugin } from '../framework.ts';
import { podSpec } from '../types.ts';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** `normalizedImageName`: an image without a tag means `:latest`. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

export const imageLocality: Plugin = {
  name: 'ImageLocality',
  weight: 1,
  cycle({ pod, nodes }) {
    const spec = podSpec(pod);
    const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
    const images = containers.map((c) => normalizedImageName(c.image ?? ''));
    const spread = new Map<string, number>();
    for (const image of new Set(images)) {
      let count = 0;
      for (const n of nodes) if (n.images.has(image)) count++;
      spread.set(image, count);
    }
    return {
      score(node) {
        let sum = 0;
        for (const image of images) {
          const size = node.images.get(image);
          if (size === undefined) continue;
          sum += Math.trunc(size * ((spread.get(image) ?? 0) / nodes.length));
        }
        const max = MAX_CONTAINER_THRESHOLD * containers.length;
        const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), max);
        return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
      },
    };
  },
};
