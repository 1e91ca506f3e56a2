import { useAppInfo } from '../app-info/useAppInfo';
import { useApiClient } from '../api/useApiClient';
import { StatusStrip } from '../status-strip/StatusStrip';
import { ParkedEventsScreen } from '../sync-admin/ParkedEventsScreen';
import { CollectScreen } from './CollectScreen';
import { DaysScreen } from './DaysScreen';
import { FieldPaymentDone } from './FieldPaymentDone';
import { FieldSignIn } from './FieldSignIn';
import { FieldStatusBar } from './FieldStatusBar';
import { HandoverScreen } from './HandoverScreen';
import { OpenDayScreen } from './OpenDayScreen';
import { RouteSheetScreen } from './RouteSheetScreen';
import { SubscriberScreen } from './SubscriberScreen';
import { useFieldStore } from './field-store';
import './field.css';

/**
 * Field mode (docs/field-mode.md): a laptop in the street, in sunlight, used with the keyboard
 * or a finger. Large type, black on white, thick outlines, every target at least 56 px high.
 * The status strip at the bottom, as at a kiosk or a counter, says whether the central server
 * answers: offline for days, the collector must see that what is on screen may be old.
 */
export function FieldApp() {
  const { entity, device } = useAppInfo();
  const client = useApiClient();
  const screen = useFieldStore((state) => state.screen);
  const staff = useFieldStore((state) => state.staff);
  const staffSession = useFieldStore((state) => state.staffSession);
  const show = useFieldStore((state) => state.show);
  const signedOut = useFieldStore((state) => state.signedOut);
  const signOut = async () => {
    if (staffSession !== null) await client.call('field.signOut', { staffSession });
    signedOut();
  };
  return (
    <div className="field-app">
      <header className="field-app__header">
        <div>
          <p className="field-app__entity">{entity.name}</p>
          <p className="field-app__meta">Recaudo en terreno · {device.name}</p>
        </div>
        {staff !== null && (
          <nav className="field-app__nav" aria-label="Recaudo">
            <button type="button" onClick={() => show('sheet')}>
              Hoja de ruta
            </button>
            <button type="button" onClick={() => show('days')}>
              Días de recaudo
            </button>
            <button type="button" onClick={() => show('handover')}>
              Entrega de recaudo
            </button>
            <button type="button" onClick={() => void signOut()}>
              Salir
            </button>
          </nav>
        )}
      </header>
      {staff !== null && <FieldStatusBar collector={staff.fullName} />}
      {screen === 'parked' ? (
        // The parked records bring their own <main> (they are a counter's screen too): one per page.
        <div className="field-app__main">
          <ParkedEventsScreen onBack={() => show('sign-in')} />
        </div>
      ) : (
        <main className="field-app__main">
          {screen === 'sign-in' && <FieldSignIn />}
          {screen === 'open-day' && <OpenDayScreen />}
          {screen === 'sheet' && <RouteSheetScreen />}
          {screen === 'subscriber' && <SubscriberScreen />}
          {screen === 'collect' && <CollectScreen />}
          {screen === 'done' && <FieldPaymentDone />}
          {screen === 'days' && <DaysScreen />}
          {screen === 'handover' && <HandoverScreen />}
        </main>
      )}
      <StatusStrip audience="field" />
    </div>
  );
}
