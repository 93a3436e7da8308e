import type { GatewaySlug } from '../domain/methods';
import { asaasConnector } from './asaas/client';
import { eredeConnector } from './erede/client';
import { pagarmeConnector } from './pagarme';
import { picpayConnector } from './picpay/client';
import { sandboxConnector } from './sandbox';
import { type Connector, ConnectorError } from './types';

/** A gateway named by seed 001 whose connector does not exist yet: listed, but it cannot be enabled. */
function unavailable(slug: GatewaySlug): Connector {
  const refuse = async (): Promise<never> => {
    throw new ConnectorError(
      'retryable',
      'gateway_unavailable',
      `The ${slug} connector is not available yet.`,
    );
  };
  return {
    slug,
    available: false,
    methods: [],
    credentialFields: [],
    createPayment: refuse,
    fetchStatus: refuse,
    cancel: refuse,
    parseWebhook: refuse,
  };
}

/** Every gateway Borda knows, by slug; exhaustive, so a new slug without an entry is a type error. */
export const CONNECTORS: Record<GatewaySlug | 'sandbox', Connector> = {
  sandbox: sandboxConnector,
  pagarme: pagarmeConnector,
  asaas: asaasConnector,
  picpay: picpayConnector,
  safe2pay: unavailable('safe2pay'),
  pagbank: unavailable('pagbank'),
  stripe: unavailable('stripe'),
  erede: eredeConnector,
};

export type ConnectorSlug = keyof typeof CONNECTORS;

export function isConnectorSlug(value: string): value is ConnectorSlug {
  return Object.hasOwn(CONNECTORS, value);
}

export function supports(gateway: string, method: string): boolean {
  return (
    isConnectorSlug(gateway) && CONNECTORS[gateway].available && CONNECTORS[gateway].methods.includes(method)
  );
}
