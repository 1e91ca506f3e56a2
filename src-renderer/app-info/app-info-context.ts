import { createContext } from 'react';
import type { AppInfo } from '../../src-shared/api/ops/app';

/** Who this device is and for which entity; loaded once when the app starts. */
export const AppInfoContext = createContext<AppInfo | null>(null);
