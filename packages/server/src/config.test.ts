import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

const SECRET = 'a-production-secret-of-at-least-32-characters';

function errorOf(environment: Record<string, string>): ConfigError {
  try {
    readConfig(environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected ${JSON.stringify(environment)} to be refused`);
}

describe('configuration defaults', () => {
  it('runs on port 3000 with the embedded database in ./data and demo data on', () => {
    const config = readConfig({});
    expect(config.env).toBe('development');
    expect(config.http).toMatchObject({ host: 'localhost', port: 3000, publicUrl: 'http://localhost:3000' });
    expect(config.http.cookieSecure).toBe(true);
    expect(config.db).toEqual({ url: null, dataDir: './data' });
    expect(config.mail).toEqual({ smtpUrl: null, from: 'Assay <no-reply@assay.invalid>' });
    expect(config.secrets.appSecret).toBeNull();
    expect(config.demo.seed).toBe(true);
  });

  it('seeds demo data outside production only, unless told otherwise', () => {
    expect(readConfig({ NODE_ENV: 'test' }).demo.seed).toBe(true);
    expect(readConfig({ NODE_ENV: 'production', APP_SECRET: SECRET }).demo.seed).toBe(false);
    expect(readConfig({ NODE_ENV: 'development', DEMO_SEED: 'off' }).demo.seed).toBe(false);
  });

  it('derives the public URL from the port when none is given', () => {
    expect(readConfig({ PORT: '8080' }).http.publicUrl).toBe('http://localhost:8080');
  });

  it('treats an empty variable as unset', () => {
    const config = readConfig({ PORT: '', DATABASE_URL: '', SMTP_URL: '' });
    expect(config.http.port).toBe(3000);
    expect(config.db.url).toBeNull();
    expect(config.mail.smtpUrl).toBeNull();
  });

  it('ignores unrelated environment variables', () => {
    expect(() => readConfig({ PATH: '/usr/bin', HOME: '/root', SOMETHING_ELSE: 'x' })).not.toThrow();
  });
});

describe('production safety', () => {
  it('refuses to start in production without APP_SECRET', () => {
    expect(errorOf({ NODE_ENV: 'production' }).message).toMatch(/APP_SECRET/);
    expect(errorOf({ NODE_ENV: 'production', APP_SECRET: '' }).message).toMatch(/APP_SECRET/);
  });

  it('refuses demo data in production', () => {
    const error = errorOf({ NODE_ENV: 'production', APP_SECRET: SECRET, DEMO_SEED: 'on' });
    expect(error.message).toMatch(/DEMO_SEED/);
    expect(error.message).not.toMatch(/APP_SECRET/);
  });

  it('names both production problems at once', () => {
    const message = errorOf({ NODE_ENV: 'production', DEMO_SEED: 'on' }).message;
    expect(message).toMatch(/APP_SECRET/);
    expect(message).toMatch(/DEMO_SEED/);
  });

  it('refuses a short APP_SECRET', () => {
    expect(errorOf({ APP_SECRET: 'too-short' }).message).toMatch(/APP_SECRET/);
  });

  it('starts in production with a secret and demo data off', () => {
    const config = readConfig({ NODE_ENV: 'production', APP_SECRET: SECRET, DEMO_SEED: 'off' });
    expect(config.env).toBe('production');
    expect(config.secrets.appSecret).toBe(SECRET);
  });
});

describe('invalid values', () => {
  it('are all named in one message', () => {
    const message = errorOf({ PORT: 'x', LOG_LEVEL: 'loud', PUBLIC_URL: 'nope' }).message;
    expect(message).toMatch(/^\s*PORT: /m);
    expect(message).toMatch(/^\s*LOG_LEVEL: /m);
    expect(message).toMatch(/^\s*PUBLIC_URL: /m);
  });

  it.each(['abc', '70000', '-1', '3000.5'])('refuses PORT=%s, naming the variable', (port) => {
    expect(errorOf({ PORT: port }).message).toMatch(/^\s*PORT: /m);
  });

  it.each([
    ['PUBLIC_URL', 'not a url'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
    ['DEMO_SEED', 'yes'],
    ['COOKIE_SECURE', 'no'],
  ])('refuses %s=%j, naming the variable', (name, value) => {
    expect(errorOf({ [name]: value }).message).toMatch(new RegExp(`^\\s*${name}: `, 'm'));
  });
});

describe('values', () => {
  it('trims the trailing slash of PUBLIC_URL, so emailed links have no double slash', () => {
    expect(readConfig({ PUBLIC_URL: 'https://assay.example.org/' }).http.publicUrl).toBe(
      'https://assay.example.org',
    );
    expect(readConfig({ PUBLIC_URL: 'https://example.org/assay/' }).http.publicUrl).toBe(
      'https://example.org/assay',
    );
    expect(readConfig({ PUBLIC_URL: 'https://assay.example.org' }).http.publicUrl).toBe(
      'https://assay.example.org',
    );
  });

  it('reads the database, mail and cookie settings', () => {
    const config = readConfig({
      DATABASE_URL: 'postgres://assay@db/assay',
      SMTP_URL: 'smtp://mail.example.org:587',
      MAIL_FROM: 'Assay <assay@example.org>',
      COOKIE_SECURE: 'false',
      WEB_DIST: '/srv/web',
      DATA_DIR: '/var/lib/assay',
    });
    expect(config.db).toEqual({ url: 'postgres://assay@db/assay', dataDir: '/var/lib/assay' });
    expect(config.mail).toEqual({
      smtpUrl: 'smtp://mail.example.org:587',
      from: 'Assay <assay@example.org>',
    });
    expect(config.http.cookieSecure).toBe(false);
    expect(config.http.webDist).toBe('/srv/web');
    expect(readConfig({ COOKIE_SECURE: '0' }).http.cookieSecure).toBe(false);
    expect(readConfig({ COOKIE_SECURE: '1' }).http.cookieSecure).toBe(true);
  });
});
