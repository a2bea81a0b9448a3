/** Page object for the app: the graph, playback controls and the test handle. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AppPage {
  readonly graph: Locator;
  readonly play: Locator;
  readonly pause: Locator;
  readonly step: Locator;
  readonly speed: Locator;
  readonly clock: Locator;
  readonly caption: Locator;
  readonly animated: Locator;

  constructor(readonly page: Page) {
    this.graph = page.getByRole('region', { name: 'Cluster graph' });
    this.play = page.getByRole('button', { name: 'Play', exact: true });
    this.pause = page.getByRole('button', { name: 'Pause', exact: true });
    this.step = page.getByRole('button', { name: 'Step', exact: true });
    this.speed = page.getByRole('slider', { name: 'Speed' });
    this.clock = page.getByRole('timer', { name: 'Virtual clock' });
    this.caption = page.getByRole('region', { name: 'Narration' });
    this.animated = page.getByTestId('animated-count');
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('status')).toHaveText('cluster running');
  }

  component(name: string): Locator {
    return this.graph.getByRole('group', { name, exact: true });
  }

  node(name: string): Locator {
    return this.graph.getByRole('group', { name: new RegExp(`^node ${name} `) });
  }

  pod(namespace: string, name: string): Locator {
    return this.graph.getByRole('button', { name: new RegExp(`^pod ${namespace}/${name} `) });
  }

  run(line: string, stdin?: string): Promise<string> {
    return this.page.evaluate(([l, s]) => window.kubesim!.run(l!, s), [line, stdin] as const);
  }

  async animatedCount(): Promise<number> {
    return Number(await this.animated.textContent());
  }

  /** Waits until no more records are being animated (the count holds still for a while). */
  async animationIdle(): Promise<number> {
    let last = -1;
    await expect
      .poll(
        async () => {
          const now = await this.animatedCount();
          const idle = now === last;
          last = now;
          return idle;
        },
        { intervals: [700], timeout: 20_000 },
      )
      .toBe(true);
    return last;
  }
}
