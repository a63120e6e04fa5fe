/**
 * An operation's sample, made on first use rather than when the app loads: samples run the real
 * flatteners (plain text, sha256, labels), which every cold start would otherwise pay for although
 * only the editor and `validate` read them. The value behaves as the object `make` returns (keys,
 * JSON, equality, copies); it is made once, on the first look at it.
 */
export function lazySample<T extends object>(make: () => T): T {
  const target = {} as T;
  makers.set(target, make);
  return new Proxy(target, handler) as T;
}

/** The samples not made yet, by their target. */
const makers = new WeakMap<object, () => object>();

function filled(target: object): object {
  const make = makers.get(target);
  if (make !== undefined) {
    makers.delete(target);
    Object.assign(target, make());
  }
  return target;
}

// One handler for every sample (not one per sample: fewer closures at load). Every trap fills the
// target first, then acts on it: once made, the proxy is the object.
const handler: ProxyHandler<object> = {};
for (const trap of Object.getOwnPropertyNames(Reflect) as (keyof typeof Reflect)[]) {
  (handler as Record<string, unknown>)[trap] = (target: object, ...args: unknown[]) =>
    (Reflect[trap] as (...all: unknown[]) => unknown)(filled(target), ...args);
}
