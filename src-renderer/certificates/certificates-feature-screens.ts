import type { ComponentType } from 'react';
import type { FeatureId } from '../kiosk-home/feature-catalogue';
import { CertificatesScreen } from './CertificatesScreen';

/** The start screen's «Certificados» tile. */
export const certificatesFeatureScreens = {
  certificates: CertificatesScreen,
} satisfies Partial<Record<FeatureId, ComponentType>>;
