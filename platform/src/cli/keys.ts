// `npm run keys`: prints a fresh set of production keys as environment lines (keep them in your secret store).
import { randomBytes } from 'node:crypto';
import { generateSigningJwk } from '../keys.ts';

const hop = await generateSigningJwk();
const token = await generateSigningJwk();
const { d: _private, ...hopPublic } = hop;
console.log(`# gateway
GATEWAY_PRIVATE_KEY='${JSON.stringify(hop)}'
# every subgraph
GATEWAY_PUBLIC_KEY='${JSON.stringify(hopPublic)}'
# users
ACCESS_TOKEN_PRIVATE_KEY='${JSON.stringify(token)}'
ENCRYPTION_KEYS='k${new Date().getFullYear()}:${randomBytes(32).toString('base64')}'`);
