// The payments part of the privacy dashboard (`me.privacy.payments`), generated from prisma/payments/personal-data.ts.
import { contributePrivacySection } from '@abri/platform/kit';
import { paymentsRegister } from '../../../../prisma/payments/personal-data.ts';
import { builder } from '../builder.ts';

contributePrivacySection(builder, paymentsRegister, 'payments');
