import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, opNames } from '../../../src-shared/api/contract';
import {
  anyMode,
  credentialFields,
  defineContract,
  defineOperation,
  openToAll,
} from '../../../src-shared/api/operation';

const ping = defineOperation({
  summary: 'ping',
  reach: 'local',
  modes: anyMode,
  auth: openToAll,
  input: z.object({}).strict(),
  output: z.object({}),
});

describe('the contract', () => {
  it('throws when two groups declare the same operation, naming it, instead of keeping the last', () => {
    expect(() => defineContract({ 'app.ping': ping, 'app.pong': ping }, { 'app.ping': ping })).toThrow(
      /app\.ping is declared twice/,
    );
    expect(Object.keys(defineContract({ 'app.ping': ping }, { 'app.pong': ping }))).toEqual(['app.ping', 'app.pong']);
  });

  it('loads with every operation once, each declaring who may call it', () => {
    expect(new Set(opNames).size).toBe(opNames.length);
    for (const op of opNames) {
      const { auth, input } = contract[op];
      if (auth.kind === 'none') continue;
      // The credential is a required input field: leaving it out never reaches a handler.
      const field = credentialFields[auth.kind];
      const parsed = input.safeParse({});
      expect(parsed.success, op).toBe(false);
      expect(
        parsed.error?.issues.some((issue) => issue.path.join('.') === field || issue.code === 'invalid_union'),
        `${op} requires ${field}`,
      ).toBe(true);
    }
  });
});
