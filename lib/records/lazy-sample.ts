/**
 * An operation's sample, made on first use rather than when the app loads: samples run the real
 * flatteners (plain text, sha256, labels), which every cold start would otherwise pay for although
 * only the editor and `validate` read them. The value behaves as the object `make` returns (keys,
 * JSON, equality, copies); it is made once, on the first look at it.
 */
export function lazySample<T extends object>(make: () => T): T {
  const target = {} as T;
  let made = false;
  const fill = (): T => {
    if (!made) {
      made = true;
      Object.assign(target, make());
    }
    return target;
  };
  // Every trap fills the target first, then acts on it: once made, the proxy is the object.
  const handler: ProxyHandler<T> = {};
  for (const trap of Object.getOwnPropertyNames(Reflect) as (keyof typeof Reflect)[]) {
    (handler as Record<string, unknown>)[trap] = (_: T, ...args: unknown[]) =>
      (Reflect[trap] as (...all: unknown[]) => unknown)(fill(), ...args);
  }
  return new Proxy(target, handler);
}
