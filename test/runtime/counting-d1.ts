/**
 * The real D1 binding seen through a pass-through proxy that counts each call that reaches the
 * database (a statement's all/raw/run/first, a batch) and the statements they carry; every query
 * still runs for real.
 */
export function countingD1(db: D1Database) {
  const counter = { calls: 0, statements: 0 };
  const targets = new WeakMap<object, D1PreparedStatement>();
  const statement = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        if (prop === 'bind') return (...args: unknown[]) => statement(value.apply(target, args));
        if (prop === 'all' || prop === 'raw' || prop === 'run' || prop === 'first')
          return (...args: unknown[]) => {
            counter.calls++;
            counter.statements++;
            return value.apply(target, args);
          };
        return value.bind(target);
      },
    });
    targets.set(proxy, stmt);
    return proxy;
  };
  const proxy = new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'prepare') return (query: string) => statement(target.prepare(query));
      if (prop === 'batch')
        return (stmts: D1PreparedStatement[]) => {
          counter.calls++;
          counter.statements += stmts.length;
          return target.batch(stmts.map((s) => targets.get(s) ?? s));
        };
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, counter };
}
