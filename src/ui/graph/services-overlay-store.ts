/** Whether the Services overlay is shown, and the Service whose pods the graph highlights. */
import { create } from 'zustand';

interface ServicesOverlayState {
  readonly shown: boolean;
  /** `namespace/name` of the highlighted Service. */
  readonly highlighted: string | undefined;
  /** Pod names (`namespace/name`) behind the highlighted Service. */
  readonly pods: ReadonlySet<string>;
  toggle(): void;
  highlight(service: string | undefined, pods: readonly string[]): void;
}

export const useServicesOverlay = create<ServicesOverlayState>((set) => ({
  shown: false,
  highlighted: undefined,
  pods: new Set(),
  toggle: () => set((s) => ({ shown: !s.shown, highlighted: undefined, pods: new Set() })),
  highlight: (service, pods) => set({ highlighted: service, pods: new Set(pods) }),
}));
