export type { CapturedMail, SmtpCapture } from '../../packages/server/src/test-support/smtp-capture.js';
export { startSmtpCapture } from '../../packages/server/src/test-support/smtp-capture.js';
export * from './app.js';
export * from './browser.js';
export * from './demo-session.js';
export * from './fake-camera.js';
export * from './mail.js';
export * from './totp.js';
