import type { Contract, OpName, OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import type { Result } from '../../src-shared/api/result';
import type { Callers } from './callers';

/** The caller an operation's handler is given: what its declared `auth` resolved to. */
export type CallerOf<K extends OpName> = Callers[Contract[K]['auth']['kind']];

/** One operation's implementation: its parsed input and its checked caller in, errors out as data. */
export type Handler<K extends OpName> = (input: OpParsedInput<K>, caller: CallerOf<K>) => Promise<Result<OpOutput<K>>>;

/** What the Node side implements: one handler per operation of the contract. */
export type Handlers = { readonly [K in OpName]: Handler<K> };
