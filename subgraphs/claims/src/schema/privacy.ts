// The claims part of the privacy dashboard (`me.privacy.claims`), generated from prisma/claims/personal-data.ts.
import { contributePrivacySection } from '@abri/platform/kit';
import { claimsRegister } from '../../../../prisma/claims/personal-data.ts';
import { builder } from '../builder.ts';

contributePrivacySection(builder, claimsRegister, 'claims');
