import type { GatewaySlug } from '../domain/methods';
import { asaasConnector } from './asaas/client';
import { covers } from './coverage';
import { type ConnectorSlug, GATEWAYS, isConnectorSlug } from './descriptors';
import { ebanxConnector } from './ebanx';
import { eredeConnector } from './erede/client';
import { mercadopagoConnector } from './mercadopago';
import { pagarmeConnector } from './pagarme';
import { pagbankConnector } from './pagbank/client';
import { picpayConnector } from './picpay/client';
import { sandboxConnector } from './sandbox';
import { stripeConnector } from './stripe/client';
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
    ...GATEWAYS[slug],
    createPayment: refuse,
    fetchStatus: refuse,
    cancel: refuse,
    parseWebhook: refuse,
  };
}

/** Every gateway Borda knows, by slug; exhaustive, so a new slug without an entry is a type error. */
export const CONNECTORS: Record<ConnectorSlug, Connector> = {
  sandbox: sandboxConnector,
  pagarme: pagarmeConnector,
  asaas: asaasConnector,
  picpay: picpayConnector,
  safe2pay: unavailable('safe2pay'),
  pagbank: pagbankConnector,
  stripe: stripeConnector,
  erede: eredeConnector,
  mercadopago: mercadopagoConnector,
  ebanx: ebanxConnector,
};

/** Whether a gateway's connector takes this method in this country (its declared coverage). */
export function supports(gateway: string, payment: { method: string; country: string }): boolean {
  return isConnectorSlug(gateway) && covers(CONNECTORS[gateway], payment.country, payment.method);
}

export { type ConnectorSlug, isConnectorSlug } from './descriptors';
