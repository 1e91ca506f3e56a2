import { createSessionStore } from '../session/create-session-store';

/** The fields of the touch test; the on-screen keyboard types into `activeField`. */
export type TouchTestTextField = 'name' | 'email';
export type TouchTestPanel = 'keyboard' | 'keypad';

interface TouchTestData {
  panel: TouchTestPanel;
  digits: string;
  name: string;
  email: string;
  activeField: TouchTestTextField;
}

interface TouchTestActions {
  showPanel(panel: TouchTestPanel): void;
  setDigits(digits: string): void;
  setText(field: TouchTestTextField, text: string): void;
  activate(field: TouchTestTextField): void;
}

export const useTouchTestStore = createSessionStore<TouchTestData, TouchTestActions>(
  'touch-test',
  { panel: 'keypad', digits: '', name: '', email: '', activeField: 'name' },
  (set) => ({
    showPanel: (panel) => set({ panel }),
    setDigits: (digits) => set({ digits }),
    setText: (field, text) => set(field === 'name' ? { name: text } : { email: text }),
    activate: (activeField) => set({ activeField }),
  }),
);
