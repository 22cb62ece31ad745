export * from './clone-rules.js';
export * from './serial-row.js';
export * from './verdicts.js';
export * from './verify.js';
