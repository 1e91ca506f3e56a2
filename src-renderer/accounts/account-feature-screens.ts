import type { ComponentType } from 'react';
import type { FeatureId } from '../kiosk-home/feature-catalogue';
import { AccountScreen } from './AccountScreen';
import { RegisterScreen } from './RegisterScreen';

/** The start screen's account tiles: «Ingresar» and «Regístrese aquí». */
export const accountFeatureScreens = {
  'account-login': AccountScreen,
  'account-register': RegisterScreen,
} satisfies Partial<Record<FeatureId, ComponentType>>;
