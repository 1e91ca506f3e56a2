import { findFeature, type FeatureId } from '../kiosk-home/feature-catalogue';
import { ComingSoonPanel } from './ComingSoonPanel';
import { featureScreens } from './feature-screens';

/** Opens a function's own screen when it is available, otherwise says it is coming. */
export function FeatureScreen({ featureId }: { readonly featureId: FeatureId }) {
  const feature = findFeature(featureId);
  const Screen = featureScreens[featureId];
  if (feature.status === 'available' && Screen !== undefined) return <Screen />;
  return <ComingSoonPanel feature={feature} />;
}
