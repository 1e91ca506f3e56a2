import type { z } from 'zod';

/** One operation of the API contract: its input and output schemas and what it is for. */
export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** What the operation does, for people reading the contract. */
  readonly summary: string;
  /**
   * `local`: answered from the device's own store and devices, works offline.
   * `server`: needs the central server; returns `offline` without it.
   */
  readonly reach: 'local' | 'server';
}

export const defineOperation = <I extends z.ZodType, O extends z.ZodType>(
  op: Operation<I, O>,
): Operation<I, O> => op;
