import type { Clock } from '../../lib/clock.js';

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  clock: Clock;
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long an open circuit refuses calls before it lets one trial through. */
  openMs?: number;
}

interface Circuit {
  consecutiveFailures: number;
  /** Epoch milliseconds; null while closed. */
  openUntil: number | null;
  trialInFlight: boolean;
}

/**
 * An in-memory circuit breaker per key (an endpoint connector's id), so a brand's failing endpoint
 * costs officers no waiting once it has failed several times in a row. Per process: each server
 * instance learns on its own, which only means a few more failed calls.
 */
export function createCircuitBreaker({
  clock,
  failureThreshold = 5,
  openMs = 30_000,
}: CircuitBreakerOptions) {
  // Only circuits that have failed since their last success are kept.
  const circuits = new Map<string, Circuit>();

  function state(key: string): CircuitState {
    const circuit = circuits.get(key);
    if (!circuit || circuit.openUntil === null) return 'closed';
    return clock.now().getTime() < circuit.openUntil ? 'open' : 'half_open';
  }

  return {
    state,
    /** Whether a call may go out now; in half-open only the first caller gets the trial. */
    allow(key: string): boolean {
      const current = state(key);
      if (current === 'closed') return true;
      const circuit = circuits.get(key)!;
      if (current === 'open' || circuit.trialInFlight) return false;
      circuit.trialInFlight = true;
      return true;
    },
    success(key: string): void {
      circuits.delete(key);
    },
    failure(key: string): void {
      const circuit = circuits.get(key) ?? { consecutiveFailures: 0, openUntil: null, trialInFlight: false };
      circuits.set(key, circuit);
      const current = state(key);
      // A call that started before the circuit opened changes nothing: it is already open.
      if (current === 'open') return;
      circuit.consecutiveFailures += 1;
      if (current === 'half_open' || circuit.consecutiveFailures >= failureThreshold) {
        circuit.openUntil = clock.now().getTime() + openMs;
        circuit.trialInFlight = false;
      }
    },
  };
}

export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>;
