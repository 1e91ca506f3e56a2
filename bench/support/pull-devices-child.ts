/**
 * The simulated devices of concurrent-pulls.ts in a process of their own: reads the options as
 * JSON on stdin, writes the latencies as JSON on stdout.
 */
import { text } from 'node:stream/consumers';
import { concurrentPulls, type ConcurrentPullsOptions } from './concurrent-pulls';

const options = JSON.parse(await text(process.stdin)) as ConcurrentPullsOptions;
const result = await concurrentPulls(options);
process.stdout.write(JSON.stringify({ counted: result.counted.all(), warmup: result.warmup?.all() ?? null }));
