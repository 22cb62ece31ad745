export * from './state-machine.js';
export * from './working-days.js';
