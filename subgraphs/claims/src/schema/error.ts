// The shared `Error` interface (platform kit) on this subgraph's builder.
import { errorInterface } from '@abri/platform/kit';
import { builder } from '../builder.ts';

export const ErrorInterface = errorInterface(builder);
