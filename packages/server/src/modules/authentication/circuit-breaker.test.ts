import { describe, expect, it } from 'vitest';
import { movableClock } from '../../test-support/test-app.js';
import { createCircuitBreaker } from './circuit-breaker.js';

function failTimes(breaker: ReturnType<typeof createCircuitBreaker>, key: string, times: number) {
  for (let i = 0; i < times; i += 1) {
    expect(breaker.allow(key)).toBe(true);
    breaker.failure(key);
  }
}

describe('circuit breaker', () => {
  it('opens after 5 consecutive failures and refuses calls for 30 seconds', () => {
    const clock = movableClock();
    const breaker = createCircuitBreaker({ clock });
    failTimes(breaker, 'endpoint', 4);
    expect(breaker.state('endpoint')).toBe('closed');
    failTimes(breaker, 'endpoint', 1);
    expect(breaker.state('endpoint')).toBe('open');
    expect(breaker.allow('endpoint')).toBe(false);
    clock.advance(29.9);
    expect(breaker.allow('endpoint')).toBe(false);
    clock.advance(0.1);
    expect(breaker.state('endpoint')).toBe('half_open');
  });

  it('counts only consecutive failures: a success starts again from zero', () => {
    const breaker = createCircuitBreaker({ clock: movableClock() });
    failTimes(breaker, 'endpoint', 4);
    breaker.success('endpoint');
    failTimes(breaker, 'endpoint', 4);
    expect(breaker.state('endpoint')).toBe('closed');
  });

  it('keeps each endpoint apart', () => {
    const breaker = createCircuitBreaker({ clock: movableClock() });
    failTimes(breaker, 'failing', 5);
    expect(breaker.state('failing')).toBe('open');
    expect(breaker.state('healthy')).toBe('closed');
    expect(breaker.allow('healthy')).toBe(true);
  });

  it('lets exactly one trial through when half-open, and closes on its success', () => {
    const clock = movableClock();
    const breaker = createCircuitBreaker({ clock });
    failTimes(breaker, 'endpoint', 5);
    clock.advance(30);
    expect(breaker.allow('endpoint')).toBe(true);
    expect(breaker.allow('endpoint')).toBe(false);
    expect(breaker.allow('endpoint')).toBe(false);
    breaker.success('endpoint');
    expect(breaker.state('endpoint')).toBe('closed');
    expect(breaker.allow('endpoint')).toBe(true);
  });

  it('reopens for another full period when the trial fails', () => {
    const clock = movableClock();
    const breaker = createCircuitBreaker({ clock });
    failTimes(breaker, 'endpoint', 5);
    clock.advance(30);
    failTimes(breaker, 'endpoint', 1);
    expect(breaker.state('endpoint')).toBe('open');
    clock.advance(29);
    expect(breaker.allow('endpoint')).toBe(false);
    clock.advance(1);
    expect(breaker.allow('endpoint')).toBe(true);
  });

  it('does not extend an open period when a call started earlier fails late', () => {
    const clock = movableClock();
    const breaker = createCircuitBreaker({ clock });
    failTimes(breaker, 'endpoint', 5);
    clock.advance(20);
    breaker.failure('endpoint');
    clock.advance(10);
    expect(breaker.state('endpoint')).toBe('half_open');
  });

  it('takes its threshold and open period from options', () => {
    const clock = movableClock();
    const breaker = createCircuitBreaker({ clock, failureThreshold: 2, openMs: 5_000 });
    failTimes(breaker, 'endpoint', 2);
    expect(breaker.state('endpoint')).toBe('open');
    clock.advance(5);
    expect(breaker.state('endpoint')).toBe('half_open');
  });
});
