// `npm start`: the embedded system from the compiled services (dist/server/start.js), compiled first when missing or
// older than their sources, so only a first start (or one after a change) pays for the build.
// `--prepare` (npm's `prepare`, after `npm ci`/`npm install`): compile the services and build the web customer space
// now, so the first `npm start` after an install starts at once; a failure there never fails the install (the first
// start builds again and says what went wrong).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_DIR, ensureServerBuild } from './entries.mjs';

const prepare = process.argv.includes('--prepare');
if (!ensureServerBuild()) {
  console.error('The services could not be compiled (see above).');
  process.exit(prepare ? 0 : 1);
}
if (prepare) {
  // The same check and build as the first start's (gateway/src/web/build.ts), from the compiled code.
  const { ensureWebBuild } = await import(pathToFileURL(join(BUILD_DIR, 'web-build.js')).href);
  await ensureWebBuild().then(
    ({ built }) =>
      console.log(built ? 'Web customer space built (clients/web/dist).' : 'Web customer space up to date.'),
    (error) => console.error(`The web customer space could not be built (the first start will try again):\n${error}`),
  );
} else {
  await import(pathToFileURL(join(BUILD_DIR, 'start.js')).href);
}
