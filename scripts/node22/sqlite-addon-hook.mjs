// Preloaded (NODE_OPTIONS=--import) into every Node 22 process of the Node 22 check: vitest, its
// forks, the start-up smoke. node_modules holds better-sqlite3-multiple-ciphers built for
// Node 20, which Node 22 refuses to load (another NODE_MODULE_VERSION); this sends the load of
// that addon — however a test or the app reaches it, `bindings` or a direct path — to the
// Node 22 build given in VENTANILLA_NODE22_SQLITE_ADDON. It is what `npm ci` under Node 22 would
// have put in node_modules, without touching the tree everyone else's Node 20 tests use.
import { registerHooks } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const addon = process.env.VENTANILLA_NODE22_SQLITE_ADDON;
if (!addon) throw new Error('sqlite-addon-hook: VENTANILLA_NODE22_SQLITE_ADDON is not set');
const target = pathToFileURL(path.resolve(addon)).href;
const node20Build = '/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    return resolved.url.endsWith(node20Build) ? { ...resolved, url: target, shortCircuit: true } : resolved;
  },
});
