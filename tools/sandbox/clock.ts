/**
 * The sandbox's notion of "now": real time by default, or frozen and moved by hand so tests and
 * simulations can create messages at exact instants (hours of traffic in milliseconds).
 */
export class Clock {
  private frozenAt: number | undefined;
  private offsetMs = 0;

  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  /** Stops time at `at` (default: the current sandbox time). */
  freeze(at: number = this.now()): void {
    this.frozenAt = at;
  }

  /** Moves time forward (or back, with a negative value), frozen or not. */
  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  /** Back to real time, without any offset. */
  reset(): void {
    this.frozenAt = undefined;
    this.offsetMs = 0;
  }
}
