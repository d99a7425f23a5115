// `npm run mailbox`: the messages the embedded system sent (newest last), as a developer's inbox.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commonEnv, parseEnv } from '@abri/platform';
import { z } from 'zod';

const env = parseEnv(z.object({ ABRI_DATA_DIR: commonEnv.ABRI_DATA_DIR }));
const dir = join(env.ABRI_DATA_DIR, 'mailbox');
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];
if (!files.length) console.log(`no message yet in ${dir}`);
for (const file of files.slice(-Number(process.argv[2] ?? 10))) {
  const m = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    channel: string;
    to: string;
    subject: string | null;
    text: string;
    at: string;
  };
  console.log(`── ${m.at}  ${m.channel}  to ${m.to}${m.subject ? `\n   ${m.subject}` : ''}\n\n${m.text}\n`);
}
