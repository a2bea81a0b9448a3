/**
 * Pod IPs from the node's pod CIDR, as the host-local IPAM plugin of kind's CNI hands them
 * out: the gateway takes .1, pods get .2, .3, … and the allocator continues after the last
 * address it gave (it does not reuse a freed address until it wraps round).
 */
export class IpAllocator {
  readonly #prefix: string;
  readonly #used = new Set<number>();
  #last = 1;

  /** @param cidr a /24 such as `10.244.1.0/24`. */
  constructor(cidr: string) {
    this.#prefix = cidr.split('/')[0]!.split('.').slice(0, 3).join('.');
  }

  allocate(): string | undefined {
    for (let i = 0; i < 253; i++) {
      const host = ((this.#last - 1 + i) % 253) + 2;
      if (!this.#used.has(host)) {
        this.#used.add(host);
        this.#last = host;
        return `${this.#prefix}.${host}`;
      }
    }
    return undefined;
  }

  release(ip: string): void {
    this.#used.delete(Number(ip.split('.').pop()));
  }
}
