import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';

/** "Volver": one step back inside the flow; nothing the citizen entered is sent anywhere. */
export function StepBackButton({
  label = 'Volver',
  onPress,
}: {
  readonly label?: string;
  readonly onPress: () => void;
}) {
  return (
    <Button variant="secondary" onClick={onPress}>
      <Icon name="back" className="button__icon" />
      {label}
    </Button>
  );
}
