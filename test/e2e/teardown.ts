import { afterAll } from 'vitest';
import { stopAllServers } from './server';

// After each e2e file, whatever it started and did not stop (a failed beforeAll) is stopped too.
afterAll(stopAllServers);
