import { describe, expect, it } from 'vitest';
import { requestCommand } from './TrafficPanel.tsx';

describe('traffic panel', () => {
  it('runs sim request for the chosen Service, from a pod or from outside', () => {
    expect(requestCommand('shop/web', 5, 'shop/client')).toBe(
      'sim request web --count 5 --from client -n shop',
    );
    expect(requestCommand('default/web', 1, 'outside')).toBe(
      'sim request web --count 1 --from outside -n default',
    );
  });
});
