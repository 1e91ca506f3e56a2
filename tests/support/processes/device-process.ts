/**
 * A device's app core in a process of its own, so a fault test can `kill -9` it: started with
 * its data dir and server URL (and a pull page size, small to make a download last), it syncs
 * until killed. `npm test` never runs this file directly.
 */
import { quickSync, startTestCore, testConfig } from '../test-app';

const [dataDir, serverUrl, pageSize] = process.argv.slice(2);
if (dataDir === undefined || serverUrl === undefined)
  throw new Error('usage: device-process <dataDir> <serverUrl> [pageSize]');
const sync =
  pageSize === undefined ? quickSync : { ...quickSync, puller: { ...quickSync.puller, pageSize: Number(pageSize) } };
const core = startTestCore(testConfig(dataDir), serverUrl, sync);
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void core.stop().then(() => process.exit(0));
});
