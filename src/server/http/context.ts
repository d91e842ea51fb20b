import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/pool.ts';
import type { Lang } from '../../shared/i18n/lang.ts';
import type { Role } from '../../shared/access/roles.ts';
import type { UserScope } from '../../shared/access/scope.ts';

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  scope: UserScope;
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
}

/** Everything a request handler needs, built once per request. */
export interface Services {
  db: Db;
  config: Config;
  clock: Clock;
  log: Logger;
}

export interface AppEnv {
  Variables: {
    services: Services;
    lang: Lang;
    requestId: string;
    user: SessionUser | undefined;
  };
}
