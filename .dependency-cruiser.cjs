// Borda's layers, top to bottom (README "How it is built"). A module may import its own layer or any
// layer below it, never one above; no circles anywhere. Route files (`routes.ts(x)`) are HTTP: they sit
// above the HTTP kit they use, while the schemas, services and views beside them sit below it. The
// control panel (src/panel/) is a web app of routes and their pages, all in the routes layer; what it
// does to data it asks of the services in src/features/.
const ROUTES = '^src/((features|dialects|checkout)/.*routes[.]tsx?|panel/.*)$';
const LAYERS = [
  { name: 'entry', path: '^src/((index|queue)\\.ts|workers/)' },
  { name: 'app', path: '^src/(http/app\\.ts|openapi/)' },
  { name: 'routes', path: ROUTES },
  { name: 'http', path: '^src/http/', pathNot: '^src/http/app[.]ts$' },
  { name: 'features', path: '^src/(features|dialects|checkout|jobs)/', pathNot: ROUTES },
  { name: 'core', path: '^src/core/' },
  { name: 'gateways-webhooks', path: '^src/(gateways|webhooks|notifications)/' },
  { name: 'platform', path: '^src/platform/' },
  { name: 'domain-db', path: '^src/(domain|db)/' },
  { name: 'lib', path: '^src/lib/' },
];

const upward = LAYERS.flatMap((lower, i) =>
  LAYERS.slice(0, i).map((upper) => ({
    name: `no-upward-${lower.name}-to-${upper.name}`,
    comment: `${lower.name} sits below ${upper.name}: it may not import it`,
    severity: 'error',
    from: { path: lower.path, ...(lower.pathNot ? { pathNot: lower.pathNot } : {}) },
    to: {
      path: upper.path,
      ...(upper.pathNot ? { pathNot: upper.pathNot } : {}),
      // The platform types the SessionDO stub with the class: a type, not a dependency at run time.
      ...(lower.name === 'platform' && upper.name === 'core' ? { dependencyTypesNot: ['type-only'] } : {}),
    },
  })),
);

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'features-below-adapters',
      comment: 'features know nothing of the dialects, the checkout or the panel built on them',
      severity: 'error',
      from: { path: '^src/(features|jobs)/' },
      to: { path: '^src/(dialects|checkout|panel)/' },
    },
    {
      name: 'checkout-below-dialects',
      comment: 'the checkout is shared by every dialect: it imports none of them',
      severity: 'error',
      from: { path: '^src/checkout/' },
      to: { path: '^src/(dialects|panel)/' },
    },
    {
      name: 'routes-call-services',
      comment:
        'route files, the panel and the HTTP kit (src/http/, the app included) never build queries: every read ' +
        'and write is a service call below them (key lookup and the idempotency store are in src/features/). ' +
        'Row and client types may still be imported (type-only) to type what a service returned.',
      severity: 'error',
      from: { path: `${ROUTES}|^src/http/` },
      to: {
        path: '(^|/)node_modules/drizzle-orm/|^src/db/(tables|schema)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'pure-domain',
      comment: 'domain rules are pure: no tables, no drizzle, no bindings',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/db/|drizzle-orm|^cloudflare:' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^cloudflare:' },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Only our own declaration files: a package's types are how its import resolves, and must stay visible.
    exclude: { path: '^src/.*[.]d[.]ts$' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
