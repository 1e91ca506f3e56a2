import type { DeviceMode } from '../../src-shared/domain/device-mode';
import type { Slice } from '../api/slice';
import type { Logger } from '../logger';
import type { ConnectionMonitor } from '../server-link/connection-monitor';
import type { ServerClient } from '../server-link/server-client';
import type { Store } from '../store/open-store';
import type { DeviceMeta } from './device-meta';
import { EnrollmentService } from './enrollment-service';

export interface EnrollmentDeps {
  readonly client: ServerClient;
  readonly serverUrl: string;
  readonly meta: DeviceMeta;
  readonly connection: ConnectionMonitor;
  readonly store: Store;
  /** The mode the config asks for (`device.mode`), if any. */
  readonly configuredMode: DeviceMode | undefined;
  /** VENTANILLA_ENROLLMENT_CODE: installers provision a device with it. */
  readonly enrollmentCode: string | null;
  /** Whether the central server refused this device's token (device-lock/): a locked device enrolls again. */
  readonly isLocked: () => boolean;
  readonly log: Logger;
}

/** Enrollment with the central server: by staff (device.enroll) or with the installer's code at start-up. */
export function startEnrollment(deps: EnrollmentDeps): Slice {
  const enrollment = new EnrollmentService(
    deps.client,
    deps.serverUrl,
    deps.meta,
    deps.connection,
    deps.log,
    deps.store,
    deps.configuredMode,
  );
  // A locked device enrolls again with a new code (how IT puts it back in service).
  if (deps.enrollmentCode !== null && (deps.meta.get('deviceId') === null || deps.isLocked()))
    void enrollOnStart(enrollment, deps.enrollmentCode, deps.log);
  return {
    name: 'enrollment',
    handlers: { 'device.enroll': (input) => enrollment.enroll(input.code) },
    stop: () => enrollment.settled(),
  };
}

/** A failure is logged, and staff can retry from the screen. */
async function enrollOnStart(enrollment: EnrollmentService, code: string, log: Logger): Promise<void> {
  try {
    const result = await enrollment.enroll(code);
    if (!result.ok) log.warn({ reason: result.error.code }, 'enrollment at start-up failed');
  } catch (error) {
    log.error({ err: error }, 'enrollment at start-up failed');
  }
}
