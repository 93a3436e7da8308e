import type { PanelRole } from '../../db/schema';

/** What each role may do. Owners everything; developers integration; support payments. */
export const PERMISSIONS = {
  'payments.read': ['owner', 'developer', 'support'],
  'payments.refund': ['owner', 'support'],
  'webhooks.read': ['owner', 'developer'],
  'webhooks.replay': ['owner', 'developer'],
  'webhooks.manage': ['owner', 'developer'],
  'keys.roll': ['owner', 'developer'],
  'settings.write': ['owner', 'developer'],
  'users.manage': ['owner'],
  'audit.read': ['owner'],
} as const satisfies Record<string, readonly PanelRole[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: PanelRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly PanelRole[]).includes(role);
}
