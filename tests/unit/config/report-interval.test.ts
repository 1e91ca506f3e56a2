import { describe, expect, it } from 'vitest';
import { ConfigFile } from '../../../src-main/config/config-file';

/** `device.reportEverySeconds` (docs/device-report.md): how often the heartbeat goes when nothing changes. */
describe('config: device.reportEverySeconds', () => {
  it('is optional: unset, the reporter keeps its default', () => {
    expect(ConfigFile.parse({}).device.reportEverySeconds).toBeUndefined();
  });

  it('takes whole seconds from 10 to 3600', () => {
    for (const s of [10, 15, 3600])
      expect(ConfigFile.parse({ device: { reportEverySeconds: s } }).device.reportEverySeconds).toBe(s);
    for (const bad of [9, 3601, 12.5, '15'])
      expect(ConfigFile.safeParse({ device: { reportEverySeconds: bad } }).success).toBe(false);
  });
});
