import { describe, expect, it } from 'vitest';
import { loadServerConfig, ServerConfigError } from '../../../src-server/config';

const defaults = { dataDir: '/srv/ventanilla' };

describe('VENTANILLA_DEMO_MAILBOX', () => {
  it('leaves `npm run server` without a mailbox unless it is set to 1', () => {
    expect(loadServerConfig({}, defaults).demoMailbox).toBe(false);
    expect(loadServerConfig({ VENTANILLA_DEMO_MAILBOX: ' ' }, defaults).demoMailbox).toBe(false);
    expect(loadServerConfig({ VENTANILLA_DEMO_MAILBOX: '0' }, defaults).demoMailbox).toBe(false);
    expect(loadServerConfig({ VENTANILLA_DEMO_MAILBOX: '1' }, defaults).demoMailbox).toBe(true);
    expect(loadServerConfig({ VENTANILLA_DEMO_MAILBOX: 'TRUE' }, defaults).demoMailbox).toBe(true);
  });

  it('refuses anything else in Spanish, naming the variable', () => {
    expect(() => loadServerConfig({ VENTANILLA_DEMO_MAILBOX: 'yes' }, defaults)).toThrow(ServerConfigError);
    expect(() => loadServerConfig({ VENTANILLA_DEMO_MAILBOX: 'yes' }, defaults)).toThrow(
      /VENTANILLA_DEMO_MAILBOX debe ser 1/,
    );
  });
});
