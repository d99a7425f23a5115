import type { RequestContext } from '@abri/platform';
import type { UsersApp } from './app/index.ts';

export interface UsersContext extends RequestContext {
  app: UsersApp;
}
