import { afterAll } from 'vitest';
import { stopSmtpSinks } from './smtp-sink';

/**
 * A setup file (vitest.config.ts): it runs again before every test file, also when one worker
 * process runs many files (isolate: false), where a support module's own top-level `afterAll`
 * is registered for the first file only. What a file may leave running in the shared process is
 * stopped here when the file ends.
 */
afterAll(stopSmtpSinks);
