import { ConnectorError, type InboundGatewayEvent } from '../types';

/**
 * e.Rede's inbound notifications. e.Rede documents no signature, token or other way to authenticate a
 * notification it sends, so none is trusted: every delivery to /webhooks/gateways/erede/... is refused
 * (401), and an e.Rede payment's state comes only from e.Rede's answers to Borda's own calls — the
 * synchronous answer to a card, and `fetchStatus` polling (`GET /transactions/{tid}`), which the router
 * uses after an ambiguous failure and the reconciliation job uses for payments still pending (a PIX).
 */
export async function parseERedeWebhook(): Promise<InboundGatewayEvent> {
  throw new ConnectorError(
    'retryable',
    'unauthorized',
    'e.Rede notifications carry no documented signature; Borda polls e.Rede for status instead',
  );
}
