import { z } from 'zod';
import { defineOperation, anyMode, openToAll } from '../operation';

/**
 * Enrollment codes are shown to IT staff as groups of letters and digits: `K7QF-9XWD-2MRT`. A
 * dash or a space between groups, or nothing: the console shows them grouped, people type what
 * they see (src-server/devices/secrets.ts hashes the code without either).
 */
export const EnrollmentCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z0-9]{4}([- ]?[A-Z0-9]{4}){2}$/,
    'El código de inscripción tiene 12 letras o números, como K7QF-9XWD-2MRT.',
  );

export const deviceOps = {
  'device.enroll': defineOperation({
    summary: 'Exchange a one-time enrollment code created by an admin for this device’s token.',
    reach: 'server',
    modes: anyMode,
    auth: openToAll,
    input: z.object({ code: EnrollmentCode }).strict(),
    output: z.object({ deviceId: z.string(), deviceName: z.string() }),
  }),
};
