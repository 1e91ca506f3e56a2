import { useRef } from 'react';
import { staffCornerSizePx, tapCorner } from '../../src-shared/kiosk/corner-taps';
import { useKioskStaffStore } from './kiosk-staff-store';
import './staff-corner.css';

/**
 * The hidden way in for staff (docs/kiosk-lockdown.md): an invisible square in the screen's
 * top-left corner; five taps within three seconds open «Acceso del personal». Hidden from
 * assistive technology too: it is not for citizens, and a technician knows where it is.
 */
export function StaffCorner() {
  const taps = useRef<readonly number[]>([]);
  const openDialog = useKioskStaffStore((state) => state.openDialog);
  return (
    <div
      className="staff-corner"
      aria-hidden="true"
      data-testid="staff-corner"
      style={{ width: staffCornerSizePx, height: staffCornerSizePx }}
      onPointerDown={(event) => {
        event.preventDefault();
        const next = tapCorner(taps.current, event.timeStamp);
        taps.current = next.taps;
        if (next.open) openDialog();
      }}
    />
  );
}
