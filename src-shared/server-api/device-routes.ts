import { defineRoute, NoInput, type ServerRoute } from './route';
import { EnrollRequest, EnrollValue, HelloValue } from './device-api';
import { DeviceReport, DeviceReportValue } from './device-report';
import { KioskStaffMember, KioskStaffSignIn } from './kiosk-staff-api';

/** The device itself: enrollment, hello, the heartbeat report, and staff sign-in at a kiosk; part of the one route map (routes.ts). */
export const deviceRoutes = {
  'device.enroll': defineRoute({
    summary: 'Exchanges a one-time enrollment code made by an administrator for the device’s token and identity.',
    method: 'POST',
    path: '/v1/enroll',
    auth: 'none',
    request: EnrollRequest,
    response: EnrollValue,
    timeout: 'short',
  }),
  'device.hello': defineRoute({
    summary:
      'Who the server says this device is, the entity, the server’s clock and how much data it holds; said every few seconds.',
    method: 'GET',
    path: '/v1/device/hello',
    auth: 'device',
    request: NoInput,
    response: HelloValue,
    timeout: 'short',
  }),
  'device.report': defineRoute({
    summary:
      'The heartbeat: version, printers, dispenser, outbox, clock and disk, every few minutes and on change; kept for staff, trusted for nothing.',
    method: 'POST',
    path: '/v1/device/report',
    auth: 'device',
    request: DeviceReport,
    response: DeviceReportValue,
    timeout: 'short',
  }),
  'kiosk.staffSignIn': defineRoute({
    summary:
      'A staff member at a kiosk’s hidden gesture: username and password checked by the server (kiosks hold no staff accounts), throttled per username and per device; kiosks only, and not a cashier.',
    method: 'POST',
    path: '/v1/kiosk/staff-sign-in',
    auth: 'device',
    request: KioskStaffSignIn,
    response: KioskStaffMember,
    timeout: 'long',
  }),
} satisfies Record<string, ServerRoute>;
