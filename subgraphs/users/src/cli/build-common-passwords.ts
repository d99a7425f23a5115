// `npx tsx subgraphs/users/src/cli/build-common-passwords.ts`: rebuilds src/domain/data/common-passwords.txt, the list
// the password policy refuses outright.
//
// Source: the `passwords-common` dictionary of @zxcvbn-ts/language-common (the version pinned in package.json), the
// leaked passwords zxcvbn-ts ships, ordered from most to least frequent. We keep its first 10,000 entries, then add
// French favourites that this English-dominated list ranks lower or lacks. The file is committed so that the policy does not depend on a package's internal data layout at run time
// and so that a dependency upgrade changes the list only when someone reruns this script and reviews the diff.
import { writeFileSync } from 'node:fs';
import { dictionary } from '@zxcvbn-ts/language-common';

const TOP = 10_000;

/** Passwords we judge common in France: AZERTY rows, pet names, cities and football, first names. */
const FRENCH_FAVOURITES = [
  'azerty',
  'azertyuiop',
  'azerty123',
  '123azerty',
  'azertyui',
  'qsdfghjklm',
  'wxcvbn',
  'motdepasse',
  'motdepasse1',
  'mot2passe',
  '123soleil',
  'soleil',
  'doudou',
  'loulou',
  'chouchou',
  'coucou',
  'bonjour',
  'jetaime',
  'mamour',
  'amour',
  'maman',
  'cherie',
  'choupette',
  'pupuce',
  'poupette',
  'tendresse',
  'bisounours',
  'nounours',
  'chocolat',
  'princesse',
  'papillon',
  'chaton',
  'marseille',
  'marseille13',
  'allezparis',
  'france',
  'vacances',
  'fromage',
  'toulouse',
  'bordeaux',
  'olympique',
  'allezlom',
  'nicolas',
  'camille',
  'julien',
  'aurelie',
  'celine',
  'nathalie',
  'sandrine',
  'stephanie',
] as const;

const top = dictionary['passwords-common'].slice(0, TOP);
const list = [...new Set([...top, ...FRENCH_FAVOURITES].map((p) => p.toLowerCase()))];
const added = list.length - new Set(top.map((p) => p.toLowerCase())).size;

const target = new URL('../domain/data/common-passwords.txt', import.meta.url);
writeFileSync(target, `${list.join('\n')}\n`);
console.log(`wrote ${list.length} passwords (${added} French additions) to ${target.pathname}`);
