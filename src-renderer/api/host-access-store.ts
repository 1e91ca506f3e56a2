import { create } from 'zustand';

interface HostAccessState {
  /** The host refused this page's token (401): nothing else can work until it is reopened. */
  readonly refused: boolean;
  markRefused(): void;
}

export const useHostAccessStore = create<HostAccessState>()((set) => ({
  refused: false,
  markRefused: () => set({ refused: true }),
}));
