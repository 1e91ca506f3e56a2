import { z } from 'zod';
import { defineOperation, kioskOnly, openToAll } from '../operation';

export const sessionEndReasons = ['idle', 'user'] as const;

export const kioskOps = {
  'kiosk.sessionEnded': defineOperation({
    summary: 'Record that a citizen’s kiosk session ended (timed out or finished), for the office’s statistics.',
    reach: 'local',
    modes: kioskOnly,
    auth: openToAll,
    input: z
      .object({
        reason: z.enum(sessionEndReasons),
        /** How long the session lasted, in whole seconds. */
        durationSeconds: z.number().int().nonnegative().max(86_400),
      })
      .strict(),
    output: z.object({ recorded: z.literal(true) }),
  }),
};
