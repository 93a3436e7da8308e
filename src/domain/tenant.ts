/** Test and live are separate worlds: every record and setting belongs to one mode. */
export type Mode = 'test' | 'live';

/**
 * The merchant a secret key authenticated (identity only: settings are per mode and read fresh, see
 * src/features/merchant/settings.ts); the key's mode scopes everything to one world.
 */
export type AuthedMerchant = {
  id: string;
  name: string;
  country: string | null;
};
