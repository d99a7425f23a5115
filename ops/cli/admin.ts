// `npm run admin -- <command>`: production administration on the subgraphs' databases (see README, "Administration").
// Exit status: 0 done, 1 failed, 2 wrong usage, 3 done with rejected lines.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EnvError, parseEnv } from '@abri/platform';
import { inviteCustomers, type StaffRole } from '../../subgraphs/users/src/app/enrolment.ts';
import { sendOffer } from '../../subgraphs/users/src/app/offers.ts';
import { openApps } from '../admin/apps.ts';
import { adminEnv } from '../admin/env.ts';
import { importContracts } from '../admin/import-contracts.ts';
import { ROTATABLE, rotate } from '../admin/rotate.ts';
import { newStaffMember, STAFF_ROLES } from '../admin/staff.ts';

const USAGE = `usage: npm run admin -- <command>
  create-staff --email <e-mail> --name <display name> --role AGENT|ADJUSTER|ADMIN [--password-stdin]
  import-contracts <file.csv>        customers and contracts (columns: README, "Administration")
  invite [--contract <number>]...    queue the invitation e-mail of pending customers (all, or those contracts)
  send-offer --purpose MARKETING_EMAIL|PARTNER_OFFERS --subject <subject> < body.txt
                                     queue an offer for the customers who consented to it, and only them
  rotate ${ROTATABLE.join('|')}      next values, from the current ones in the environment`;

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(2);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
    contract: { type: 'string', multiple: true },
    purpose: { type: 'string' },
    subject: { type: 'string' },
  },
});
const [command, ...args] = positionals;

async function withApps<T>(run: (apps: Awaited<ReturnType<typeof openApps>>) => Promise<T>): Promise<T> {
  const apps = await openApps(parseEnv(adminEnv));
  try {
    return await run(apps);
  } finally {
    await apps.close();
  }
}

async function main(): Promise<number> {
  switch (command) {
    case 'create-staff': {
      const { email, name, role } = values;
      if (!email || !name || !role) usage('create-staff needs --email, --name and --role');
      if (!STAFF_ROLES.includes(role as StaffRole)) usage(`role: one of ${STAFF_ROLES.join(', ')}`);
      const password = values['password-stdin'] ? readFileSync(0, 'utf8').replace(/\r?\n$/, '') : undefined;
      const outcome = await withApps((apps) =>
        newStaffMember(apps, { email, displayName: name, role: role as StaffRole, ...(password ? { password } : {}) }),
      );
      if (outcome.kind === 'exists') {
        console.error(`${email}: a staff account already exists (nothing changed)`);
        return 1;
      }
      if (outcome.kind === 'weakPassword') {
        console.error(`password refused: ${outcome.failures.join(', ')}`);
        return 1;
      }
      console.log(`staff account ${outcome.staffId} (${role}) created for ${email}`);
      if (outcome.password) console.log(`password (shown once, give it in person): ${outcome.password}`);
      console.log(`TOTP (shown once): scan the code or enter the secret ${outcome.totpSecret}`);
      console.log(outcome.otpauthUri);
      console.log(outcome.qr);
      return 0;
    }
    case 'import-contracts': {
      const [file] = args;
      if (!file) usage('import-contracts needs a CSV file');
      const outcome = await withApps((apps) => importContracts(apps, readFileSync(file, 'utf8')));
      if (outcome.kind === 'unreadable') {
        console.error(`${file}: ${outcome.reason}`);
        return 1;
      }
      const { created, unchanged, rejected } = outcome.report;
      console.log(`${created} contract(s) created, ${unchanged} already there, ${rejected.length} line(s) rejected`);
      for (const r of rejected) console.log(`ligne ${r.line}\u00a0: ${r.reason}`);
      return rejected.length ? 3 : 0;
    }
    case 'invite': {
      const queued = await withApps((apps) => inviteCustomers(apps.users, values.contract));
      console.log(`${queued} invitation(s) queued; the users service sends them`);
      return 0;
    }
    case 'send-offer': {
      const { purpose, subject } = values;
      if (purpose !== 'MARKETING_EMAIL' && purpose !== 'PARTNER_OFFERS')
        usage('send-offer needs --purpose MARKETING_EMAIL or PARTNER_OFFERS');
      if (!subject) usage('send-offer needs --subject');
      const body = readFileSync(0, 'utf8').trim();
      if (!body) usage('send-offer reads the body on its standard input');
      const queued = await withApps((apps) => sendOffer(apps.users, { purpose, subject, body }));
      console.log(`${queued} offer(s) queued for customers who consented; the users service sends them`);
      return 0;
    }
    case 'rotate': {
      const [name] = args;
      if (!name) usage('rotate needs a setting');
      const outcome = await rotate(name, process.env, new Date());
      if (outcome.kind === 'unknownSetting') usage(`rotate: one of ${ROTATABLE.join(', ')}`);
      if (outcome.kind === 'currentMissing') {
        console.error(`${outcome.name}: set the current value in the environment first`);
        return 1;
      }
      if (outcome.services) {
        // Hop secrets: a subgraph must know the new key before the gateway signs with it.
        console.log('# 1. first, every subgraph its own keys (the new one and the old ones):');
        for (const [service, settings] of Object.entries(outcome.services)) {
          console.log(`# --- ${service}`);
          for (const [key, value] of Object.entries(settings)) console.log(`${key}='${value}'`);
        }
        console.log('# 2. then the gateway:');
      }
      for (const [key, value] of Object.entries(outcome.settings)) console.log(`${key}='${value}'`);
      return 0;
    }
    default:
      usage(command ? `unknown command ${command}` : undefined);
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof EnvError ? `admin cannot run, ${error.message}` : error);
  process.exitCode = 1;
}
