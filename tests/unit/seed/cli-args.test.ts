import { describe, expect, it } from 'vitest';
import { parseSeedArgs } from '../../../db/seed/cli-args';
import { SeedOptionsError } from '../../../db/seed/generator';

describe('npm run seed arguments', () => {
  it('reads the options with their defaults', () => {
    expect(parseSeedArgs(['--subscribers', '2000'])).toEqual({
      subscribers: 2000,
      months: 12,
      seed: 1,
      append: false,
      now: null,
      batchSize: 500,
      loadMode: null,
      help: false,
    });
    const args = parseSeedArgs([
      '--subscribers',
      '1.000.000',
      '--months',
      '24',
      '--seed',
      '0',
      '--append',
      '--now',
      '2026-03-10',
    ]);
    expect(args).toMatchObject({ subscribers: 1_000_000, months: 24, seed: 0, append: true });
    expect(args.now?.toISOString()).toBe('2026-03-10T17:00:00.000Z');
  });

  it.each([
    [['--months', '12'], /Falta --subscribers/],
    [['--subscribers', '1.5'], /--subscribers debe ser un número entero/],
    [['--subscribers', '0'], /mayor o igual que 1/],
    [['--subscribers', '-3'], /no válidos|debe ser/],
    [['--subscribers', '10', '--now', '2026-02-30'], /--now debe ser una fecha/],
    [['--subscriber', '10'], /Argumentos no válidos/],
    [['--subscribers', '10', '--load-mode', 'fast'], /--load-mode debe ser batches o bulk/],
    [['--subscribers', '10', 'extra'], /Argumentos no válidos/],
  ])('refuses %j with a Spanish message', (argv, message) => {
    expect(() => parseSeedArgs(argv)).toThrow(SeedOptionsError);
    expect(() => parseSeedArgs(argv)).toThrow(message);
  });
});
