// The shared `Money` value type (platform kit) on this subgraph's builder.
import { moneyType } from '@abri/platform/kit';
import { builder } from '../builder.ts';

export { money } from '@abri/platform/kit';
export const MoneyRef = moneyType(builder);
