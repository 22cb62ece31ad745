#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { email as emailSchema, password as passwordSchema } from '@assay/core';
import { Command, InvalidArgumentError } from 'commander';
import { ZodError } from 'zod';
import { type AppContext, createAppContext } from './app-context.js';
import { ConfigError, readConfig } from './config.js';
import { migrateToLatest, openDatabase } from './db/database.js';
import { forgetOldIdempotencyKeys } from './http/idempotency.js';
import { loadAppSecret } from './lib/app-secret.js';
import { createSecretBox } from './lib/secret-box.js';
import { ALERT_DIGEST_INTERVAL_MS } from './modules/alerts/digest.js';
import { VERIFICATION_ALERT_INTERVAL_MS } from './modules/authentication/alert-mail.js';
import { demoAccountsTable, isDatabaseEmpty, seedDemoData } from './modules/demo/seed.js';
import { hashPassword } from './modules/identity/passwords.js';
import { currentTotpCode } from './modules/identity/totp.js';
import { RECORDATION_REMINDER_INTERVAL_MS } from './modules/ip-rights/reminders.js';
import { buildServer } from './server.js';

const HOUR_MS = 3600 * 1000;

async function seedIfEmpty(ctx: AppContext, force: boolean): Promise<boolean> {
  if (!(force || ctx.config.demo.seed)) return false;
  if (!(await isDatabaseEmpty(ctx.db))) return false;
  const appSecret = await loadAppSecret(ctx.config.secrets.appSecret, ctx.config.db.dataDir);
  await seedDemoData(
    ctx.db,
    { totpBox: createSecretBox(appSecret, 'totp'), serialHasher: ctx.serialHasher },
    ctx.storage,
  );
  return true;
}

async function serve(options: { port?: number }): Promise<void> {
  const started = performance.now();
  const config = readConfig();
  if (options.port !== undefined) config.http.port = options.port;
  const ctx = await createAppContext(config);
  const seeded = await seedIfEmpty(ctx, false);
  const app = await buildServer(ctx);
  await app.listen({ host: config.http.host, port: config.http.port });
  ctx.mail.dispatcher?.start();
  ctx.webhookDispatcher.start();
  ctx.caseReminders.start();
  setInterval(() => {
    ctx.remindExpiringRecordations().catch((err) => ctx.log.error({ err }, 'recordation reminders failed'));
  }, RECORDATION_REMINDER_INTERVAL_MS).unref();
  setInterval(() => {
    ctx
      .mailSuspiciousVerifications()
      .catch((err) => ctx.log.error({ err }, 'verification alert mail failed'));
  }, VERIFICATION_ALERT_INTERVAL_MS).unref();
  setInterval(() => {
    ctx.sendAlertDigests().catch((err) => ctx.log.error({ err }, 'alert digests failed'));
  }, ALERT_DIGEST_INTERVAL_MS).unref();
  setInterval(() => {
    forgetOldIdempotencyKeys(ctx.db, ctx.clock.now()).catch((err) =>
      ctx.log.error({ err }, 'forgetting old idempotency keys failed'),
    );
  }, HOUR_MS).unref();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  const where = config.db.url ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.db.dataDir}`;
  const mail = config.mail.smtpUrl ? 'SMTP' : 'demo outbox (Operator → Outbox in the web app)';
  process.stdout.write(
    [
      '',
      `Assay is running at http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`,
      `Database: ${where}; mail: ${mail}; ready in ${Math.round(performance.now() - started)} ms`,
      seeded ? 'Seeded the demo data set into the empty database.' : '',
      config.demo.seed ? demoAccountsTable() : '',
      '',
    ]
      .filter((line, index, lines) => line !== '' || index === lines.length - 1)
      .join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close();
    await ctx.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function migrate(): Promise<void> {
  const config = readConfig();
  const db = await openDatabase(config.db);
  try {
    const result = await migrateToLatest(db);
    const applied = result.results?.filter((item) => item.status === 'Success') ?? [];
    console.log(
      applied.length
        ? applied.map((item) => `applied ${item.migrationName}`).join('\n')
        : 'The database is up to date.',
    );
  } finally {
    await db.destroy();
  }
}

async function seed(options: { demo?: boolean }): Promise<void> {
  if (!options.demo) throw new InvalidArgumentError('Say which data set to seed: --demo');
  const config = readConfig();
  if (config.env === 'production')
    throw new InvalidArgumentError('Demo data cannot be seeded when NODE_ENV=production');
  const ctx = await createAppContext(config);
  try {
    const seeded = await seedIfEmpty(ctx, true);
    console.log(
      seeded
        ? `Seeded the demo data set.\n${demoAccountsTable()}`
        : 'The database already holds data: nothing seeded.',
    );
  } finally {
    await ctx.close();
  }
}

async function createOperator(options: {
  email: string;
  name: string;
  organisation: string;
  password?: string;
}): Promise<void> {
  const email = emailSchema.parse(options.email);
  const password = options.password ?? randomBytes(18).toString('base64url');
  passwordSchema.parse(password);
  const config = readConfig();
  const ctx = await createAppContext(config);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirst();
      if (existing) throw new InvalidArgumentError(`An account with ${email} already exists`);
      const operator =
        (await trx
          .selectFrom('organisations')
          .select('id')
          .where('kind', '=', 'platform_operator')
          .executeTakeFirst()) ??
        (await trx
          .insertInto('organisations')
          .values({
            name: options.organisation,
            kind: 'platform_operator',
            country_code: null,
            website: null,
            status: 'active',
          })
          .returning('id')
          .executeTakeFirstOrThrow());
      const user = await trx
        .insertInto('users')
        .values({ email, name: options.name, password_hash: await hashPassword(password), locale: 'en' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('memberships')
        .values({ user_id: user.id, organisation_id: operator.id, roles: ['admin'], status: 'active' })
        .execute();
      await trx
        .insertInto('audit_events')
        .values({
          action: 'operator.created_from_cli',
          organisation_id: operator.id,
          target_type: 'user',
          target_id: user.id,
        })
        .execute();
    });
    console.log(
      `Operator admin ${email} created.${options.password ? '' : ` Password: ${password}`}\nTwo-factor sign-in is set up at the first sign-in.`,
    );
  } finally {
    await ctx.close();
  }
}

const program = new Command('assay')
  .description(
    'Assay: rights holders and enforcement officers against counterfeits.\nSettings come from environment variables (see README: Configuration).',
  )
  .showHelpAfterError();

program
  .command('serve')
  .description(
    'Migrate the database, seed the demo data into an empty one (not in production), and serve the API and web app',
  )
  .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)', (value) => {
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new InvalidArgumentError('Not a port number');
    return port;
  })
  .action(serve);
program.command('migrate').description('Apply pending database migrations and exit').action(migrate);
program
  .command('seed')
  .description('Seed a data set into an empty database')
  .option('--demo', 'the demo data set: fictional organisations, people and brands')
  .action(seed);
program
  .command('create-operator')
  .description('Create the platform operator organisation (if missing) and an admin account in it')
  .requiredOption('--email <email>', 'email address of the operator admin')
  .requiredOption('--name <name>', 'full name of the operator admin')
  .option('--organisation <name>', 'name of the operator organisation', 'Assay Platform Operations')
  .option('--password <password>', 'initial password (12+ characters); a random one is printed when omitted')
  .action(createOperator);
program
  .command('totp')
  .description('Print the current two-factor code for a TOTP secret (for demo accounts)')
  .argument('<secret>', 'base32 TOTP secret')
  .action((secret: string) => console.log(currentTotpCode(secret)));

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof InvalidArgumentError) {
    console.error(error.message);
  } else if (error instanceof ZodError) {
    console.error(`Invalid input: ${error.issues.map((issue) => issue.message).join('; ')}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
