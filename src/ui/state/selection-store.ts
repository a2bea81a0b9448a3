/** What the user picked on the graph: an object key or a component id. */
import { create } from 'zustand';

interface SelectionState {
  readonly selected: string | undefined;
  select(id: string | undefined): void;
}

export const useSelection = create<SelectionState>((set) => ({
  selected: undefined,
  select: (selected) => set({ selected }),
}));
