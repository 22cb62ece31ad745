import { join } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** Every setting Assay reads from the environment; parsed once in main.ts and passed down. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('localhost'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Base URL used in emailed links; defaults to http://localhost:PORT. */
    PUBLIC_URL: z.url().optional(),
    /** PostgreSQL connection string; unset means the embedded PGlite database in DATA_DIR. */
    DATABASE_URL: z.string().optional(),
    DATA_DIR: z.string().default('./data'),
    /** Where uploaded images are kept (local storage); defaults to DATA_DIR/uploads. */
    UPLOAD_DIR: z.string().optional(),
    /** Largest accepted upload, in megabytes. */
    MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(10),
    /** SMTP server for outgoing mail; unset means demo mode: mail stays in the operator's outbox. */
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Assay <no-reply@assay.invalid>'),
    /** Key material for encrypting TOTP secrets; generated into DATA_DIR when unset (not in production). */
    APP_SECRET: z.string().min(32).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Seed demo data into an empty database: auto = yes unless NODE_ENV=production. */
    DEMO_SEED: z.enum(['auto', 'on', 'off']).default('auto'),
    COOKIE_SECURE: booleanFlag.default(true),
    /** Path of the built web app; served at / when present. */
    WEB_DIST: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.DEMO_SEED === 'on') {
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_SEED'],
        message: 'Demo data cannot be seeded in production',
      });
    }
    if (env.NODE_ENV === 'production' && !env.APP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'APP_SECRET is required in production' });
    }
  });

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  env: RawConfig['NODE_ENV'];
  http: { host: string; port: number; publicUrl: string; cookieSecure: boolean; webDist: string | null };
  db: { url: string | null; dataDir: string };
  uploads: { dir: string; maxBytes: number };
  mail: { smtpUrl: string | null; from: string };
  secrets: { appSecret: string | null };
  log: { level: RawConfig['LOG_LEVEL'] };
  demo: { seed: boolean };
}

export class ConfigError extends Error {}

/** Parse the environment into a typed, grouped config, or throw naming every bad variable. */
export function readConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
      cookieSecure: env.COOKIE_SECURE,
      webDist: env.WEB_DIST ?? null,
    },
    db: { url: env.DATABASE_URL ?? null, dataDir: env.DATA_DIR },
    uploads: {
      dir: env.UPLOAD_DIR ?? join(env.DATA_DIR, 'uploads'),
      maxBytes: Math.floor(env.MAX_UPLOAD_MB * 1024 * 1024),
    },
    mail: { smtpUrl: env.SMTP_URL ?? null, from: env.MAIL_FROM },
    secrets: { appSecret: env.APP_SECRET ?? null },
    log: { level: env.LOG_LEVEL },
    demo: { seed: env.DEMO_SEED === 'on' || (env.DEMO_SEED === 'auto' && env.NODE_ENV !== 'production') },
  };
}
