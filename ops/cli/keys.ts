// `npm run keys`: fresh production keys for every service at once (a public key must match its private half), and
// the settings each service needs that are not keys.
import { generateKeys, renderKeys } from '../keys.ts';

process.stdout.write(renderKeys(await generateKeys()));
