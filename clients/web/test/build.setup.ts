// Builds the web app once per test run (only when its sources changed since the last build).
import { ensureWebBuild } from '../../../gateway/src/web/build.ts';

export default async function setup() {
  await ensureWebBuild();
}
