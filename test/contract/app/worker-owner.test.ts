import { describe, expect, it } from 'vitest';
import { buildApp, type Part } from '../../../src/http/app';
import { controlPart } from '../../../src/workers/control-part';
import { corePart } from '../../../src/workers/core-part';
import { edgePart } from '../../../src/workers/edge-part';
import { ownerOf, type WorkerName } from '../../../src/workers/owner';

const PARTS: Record<WorkerName, Part> = { edge: edgePart, control: controlPart, core: corePart };

/** A concrete path for a route: each `:param` and `*` filled with a plausible value. */
const concrete = (path: string) =>
  path.replace(/:(\w+)/g, (_, name: string) => `${name}_x1`).replace(/\*$/, 'anything');

/**
 * The edge Worker takes every request and hands each path to the Worker that serves it
 * (src/workers/owner.ts). A route whose path the table sends elsewhere would answer 404 in
 * production while the one-Worker runtime tests pass: this holds the table to the parts.
 */
describe('which Worker serves a path', () => {
  for (const [worker, part] of Object.entries(PARTS) as [WorkerName, Part][]) {
    it(`sends every route of the ${worker} part to the ${worker} Worker`, () => {
      const routes = buildApp([part]).routes.filter((r) => r.method !== 'ALL' && r.path !== '/healthz');
      expect(routes.length).toBeGreaterThan(0);
      const misrouted = routes
        .filter((r) => ownerOf(concrete(r.path)) !== worker)
        .map((r) => `${r.method} ${r.path}`);
      expect(misrouted).toEqual([]);
    });
  }

  it('matches whole segments and the path as the router decodes it', () => {
    expect(ownerOf('/dashboard')).toBe('control');
    expect(ownerOf('/dashboardx')).toBe('edge');
    expect(ownerOf('/api/v1/checkout/sessions')).toBe('edge');
    expect(ownerOf('/api/v1/%70ayments/pay_1')).toBe('control');
    expect(ownerOf('/api/v1/%E0%A4%A')).toBe('edge');
    expect(ownerOf('/webhooks/gateways/stripe/mer_1')).toBe('core');
    expect(ownerOf('/nowhere')).toBe('edge');
  });
});
