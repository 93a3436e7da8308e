import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

/** Fixed secrets for the runtime tests only; real ones come from .dev.vars or Worker secrets. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';
const TEST_ENCRYPTION_KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';

export default defineConfig(async () => {
  const migrations = await readD1Migrations('./migrations');
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                // An empty database for migration tests (test/runtime/migrations.test.ts).
                d1Databases: ['MIGRATION_DB'],
                // A neighbour Worker that fails outside its own code, as a Worker past its limits does: the
                // edge's forward to it (test/runtime/edge-forward.test.ts).
                serviceBindings: { FAILING_WORKER: 'failing-worker' },
                workers: [
                  {
                    name: 'failing-worker',
                    modules: true,
                    compatibilityDate: '2025-01-01',
                    script: "export default { fetch() { throw new Error('exceeded its limits'); } };",
                  },
                ],
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  ADMIN_TOKEN: TEST_ADMIN_TOKEN,
                  ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
                  ALLOW_LOOPBACK_URLS: 'false',
                  PUBLIC_BASE_URL: '',
                  // Pinned so a developer's .dev.vars (local seconds-long schedule) never leaks into tests.
                  WEBHOOK_RETRY_SCHEDULE: '',
                  SEED003_USD_BRL_RATE: '',
                  SEED003_FEE_PERCENT: '',
                  // Customer messages land in the D1 dev mailbox unless a test picks another provider.
                  NOTIFY_EMAIL_PROVIDER: 'mailbox',
                  NOTIFY_SMS_PROVIDER: 'mailbox',
                  NOTIFY_EMAIL_FROM: 'Loja Teste <pagamentos@loja.example>',
                  NOTIFY_SMS_FROM: '+15005550006',
                  NOTIFY_RETRY_SCHEDULE: '',
                  NOTIFY_REMINDER_BEFORE_SECONDS: '86400',
                  RESEND_API_KEY: 're_test_key',
                  TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
                  TWILIO_AUTH_TOKEN: 'twilio-test-token',
                },
              },
            }),
          ],
          test: {
            name: 'runtime',
            include: ['test/runtime/**/*.test.ts', 'test/unit/**/*.test.ts'],
            setupFiles: ['test/runtime/setup.ts'],
            // A real webhook receiver on loopback (test/runtime/receiver-server.ts).
            globalSetup: ['test/runtime/receiver-server.ts'],
          },
        },
        {
          // Connector contract tests: each connector, in Node, against a fake gateway on loopback that
          // plays the gateway's documented requests and answers (test/contract/fake-gateway.ts).
          test: {
            name: 'contract',
            include: ['test/contract/**/*.test.ts'],
            environment: 'node',
            testTimeout: 30_000,
          },
        },
        {
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts'],
            setupFiles: ['test/e2e/teardown.ts'],
            environment: 'node',
            testTimeout: 120_000,
            hookTimeout: 180_000,
            fileParallelism: false,
            // After the runtime and contract projects: on two cores, the e2e servers' timing-sensitive
            // waits (webhook retries, the 15 s delivery timeout) must not compete with the runtime suite.
            sequence: { groupOrder: 1 },
          },
        },
        {
          test: {
            name: 'load',
            include: ['test/load/**/*.test.ts'],
            setupFiles: ['test/e2e/teardown.ts'],
            environment: 'node',
            // Per-test timeouts are set in the file (5 min at CI size, 20 min with LOAD_SCALE=full).
            testTimeout: 1_200_000,
            hookTimeout: 300_000,
            fileParallelism: false,
            // After the runtime and e2e projects when everything runs: it wants both cores.
            sequence: { groupOrder: 2 },
          },
        },
      ],
    },
  };
});
