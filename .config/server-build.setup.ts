// The tests that start services as processes run the compiled services (dist/server), as production does: compiled
// once per test run before any test starts, only when a source changed since the last build (npm start's own check).
import { ensureServerBuild } from '../ops/build/entries.mjs';

export default function setup() {
  if (!ensureServerBuild({ quiet: true })) throw new Error('the services could not be compiled (npm run build:server)');
}
