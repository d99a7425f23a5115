// The policies part of the privacy dashboard (`me.privacy.contracts`), generated from prisma/policies/personal-data.ts.
import { contributePrivacySection } from '@abri/platform/kit';
import { policiesRegister } from '../../../../prisma/policies/personal-data.ts';
import { builder } from '../builder.ts';

contributePrivacySection(builder, policiesRegister, 'contracts');
