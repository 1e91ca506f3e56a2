import { useContext } from 'react';
import type { AppInfo } from '../../src-shared/api/ops/app';
import { AppInfoContext } from './app-info-context';

export function useAppInfo(): AppInfo {
  const info = useContext(AppInfoContext);
  if (info === null) throw new Error('useAppInfo needs <AppInfoProvider> above it');
  return info;
}
