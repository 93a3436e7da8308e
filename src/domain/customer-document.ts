/**
 * Which identity or tax document the checkout asks a customer for, by country, and for which methods.
 *
 * - Brazil, paying in reais: CPF or CNPJ for every method (Brazilian gateways and the Central Bank's
 *   Pix and boleto rules identify the payer). A Brazilian session in US dollars (a cross-border card)
 *   asks for none.
 * - Elsewhere only the local methods ask, as Mercado Pago's "document types by country" lists them
 *   (https://www.mercadopago.com.br/developers/en/docs/subscriptions/how-tos/payment-methods-by-country):
 *   Argentina DNI, Chile RUT, Colombia CC or NIT, Peru DNI; Ecuador's cédula (CI) for its bank
 *   transfer. Mexico's local methods (SPEI, OXXO) identify nobody. Cards never ask outside Brazil.
 */
export type DocumentKind = 'cpf_cnpj' | 'dni' | 'rut' | 'cc_nit' | 'ci';

export type CustomerDocument = { kind: DocumentKind; methods: 'all' | 'local' };

const LOCAL: Partial<Record<string, DocumentKind>> = {
  ARG: 'dni',
  CHL: 'rut',
  COL: 'cc_nit',
  PER: 'dni',
  ECU: 'ci',
};

export function customerDocument(country: string, currency: string): CustomerDocument | null {
  if (country === 'BRA') return currency === 'BRL' ? { kind: 'cpf_cnpj', methods: 'all' } : null;
  const kind = LOCAL[country];
  return kind ? { kind, methods: 'local' } : null;
}

/** Whether paying with `method` needs the document. */
export function documentNeeded(doc: CustomerDocument | null, method: string): boolean {
  if (!doc) return false;
  return doc.methods === 'all' || method !== 'card';
}

/** The name of a business's tax id in each country, as its bank details print it. */
export const BUSINESS_TAX_ID: Record<string, string> = {
  BRA: 'CNPJ',
  ARG: 'CUIT',
  CHL: 'RUT',
  COL: 'NIT',
  ECU: 'RUC',
  MEX: 'RFC',
  PER: 'RUC',
};
