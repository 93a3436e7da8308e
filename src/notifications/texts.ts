import type { Locale } from '../domain/methods';

/** Every customer message Borda sends, in the checkout's three languages. `{name}` is filled by render. */
const en = {
  'subject.payment_instructions': 'How to pay {amount} to {merchant}',
  'subject.payment_reminder': 'Reminder: your payment of {amount} to {merchant} expires soon',
  'subject.payment_receipt': 'Receipt: {amount} paid to {merchant}',
  'subject.refund_pending': 'Your refund of {amount} from {merchant} is on its way',
  'subject.refund_succeeded': 'Refund of {amount} from {merchant} completed',
  'subject.refund_failed': 'Your refund of {amount} from {merchant} could not be completed',
  'subject.refund_requires_action': '{merchant} needs your bank details to refund {amount}',
  greeting: 'Hello {name},',
  greeting_anonymous: 'Hello,',
  'intro.payment_instructions': 'Here is how to pay {amount} for order {order} at {merchant}.',
  'intro.payment_reminder': 'Your payment of {amount} for order {order} at {merchant} expires on {expires}.',
  'intro.payment_receipt': 'We received your payment of {amount} for order {order} at {merchant}.',
  'intro.refund_pending': '{merchant} started a refund of {amount} for order {order}.',
  'intro.refund_succeeded': '{merchant} refunded {amount} for order {order}.',
  'intro.refund_failed':
    'The refund of {amount} for order {order} at {merchant} could not be completed. {merchant} will contact you.',
  'intro.refund_requires_action':
    'To refund {amount} for order {order}, {merchant} needs the bank account to send it to, and will ask you for it.',
  'label.pix': 'PIX copy-and-paste code',
  'label.boleto': 'Boleto line (linha digitável)',
  'label.due_date': 'Due date',
  'label.expires': 'Pay before',
  'label.amount': 'Amount',
  'label.bank': 'Bank',
  'label.agency': 'Agency',
  'label.account': 'Account',
  'label.beneficiary': 'Beneficiary',
  'label.document': 'Document',
  'label.reference': 'Reference',
  'label.clabe': 'CLABE',
  'label.method': 'Method',
  'label.paid_at': 'Paid at',
  'link.page': 'Open your payment page',
  footer: 'You get this message because you started a payment at {merchant}. Borda processes it for them.',
  'sms.payment_instructions': '{merchant}: pay {amount} for order {order}. {artifact} {url}',
  'sms.payment_reminder': '{merchant}: your payment of {amount} expires on {expires}. {url}',
  'sms.payment_receipt': '{merchant}: payment of {amount} for order {order} received. Thank you!',
  'sms.refund': '{merchant}: {intro}',
};

type TextKey = keyof typeof en;

const ptBR: Record<TextKey, string> = {
  'subject.payment_instructions': 'Como pagar {amount} para {merchant}',
  'subject.payment_reminder': 'Lembrete: seu pagamento de {amount} para {merchant} vence em breve',
  'subject.payment_receipt': 'Comprovante: {amount} pagos para {merchant}',
  'subject.refund_pending': 'Seu reembolso de {amount} de {merchant} está a caminho',
  'subject.refund_succeeded': 'Reembolso de {amount} de {merchant} concluído',
  'subject.refund_failed': 'Seu reembolso de {amount} de {merchant} não pôde ser concluído',
  'subject.refund_requires_action': '{merchant} precisa dos seus dados bancários para reembolsar {amount}',
  greeting: 'Olá, {name},',
  greeting_anonymous: 'Olá,',
  'intro.payment_instructions': 'Veja como pagar {amount} do pedido {order} em {merchant}.',
  'intro.payment_reminder': 'Seu pagamento de {amount} do pedido {order} em {merchant} vence em {expires}.',
  'intro.payment_receipt': 'Recebemos seu pagamento de {amount} do pedido {order} em {merchant}.',
  'intro.refund_pending': '{merchant} iniciou o reembolso de {amount} do pedido {order}.',
  'intro.refund_succeeded': '{merchant} reembolsou {amount} do pedido {order}.',
  'intro.refund_failed':
    'O reembolso de {amount} do pedido {order} em {merchant} não pôde ser concluído. {merchant} entrará em contato.',
  'intro.refund_requires_action':
    'Para reembolsar {amount} do pedido {order}, {merchant} precisa da conta bancária de destino e vai pedi-la a você.',
  'label.pix': 'Código PIX copia e cola',
  'label.boleto': 'Linha digitável do boleto',
  'label.due_date': 'Vencimento',
  'label.expires': 'Pague até',
  'label.amount': 'Valor',
  'label.bank': 'Banco',
  'label.agency': 'Agência',
  'label.account': 'Conta',
  'label.beneficiary': 'Favorecido',
  'label.document': 'Documento',
  'label.reference': 'Referência',
  'label.clabe': 'CLABE',
  'label.method': 'Forma de pagamento',
  'label.paid_at': 'Pago em',
  'link.page': 'Abrir a página de pagamento',
  footer:
    'Você recebe esta mensagem porque iniciou um pagamento em {merchant}. A Borda o processa para eles.',
  'sms.payment_instructions': '{merchant}: pague {amount} do pedido {order}. {artifact} {url}',
  'sms.payment_reminder': '{merchant}: seu pagamento de {amount} vence em {expires}. {url}',
  'sms.payment_receipt': '{merchant}: pagamento de {amount} do pedido {order} recebido. Obrigado!',
  'sms.refund': '{merchant}: {intro}',
};

const es: Record<TextKey, string> = {
  'subject.payment_instructions': 'Cómo pagar {amount} a {merchant}',
  'subject.payment_reminder': 'Recordatorio: tu pago de {amount} a {merchant} vence pronto',
  'subject.payment_receipt': 'Comprobante: {amount} pagados a {merchant}',
  'subject.refund_pending': 'Tu reembolso de {amount} de {merchant} está en camino',
  'subject.refund_succeeded': 'Reembolso de {amount} de {merchant} completado',
  'subject.refund_failed': 'Tu reembolso de {amount} de {merchant} no pudo completarse',
  'subject.refund_requires_action': '{merchant} necesita tus datos bancarios para reembolsar {amount}',
  greeting: 'Hola, {name}:',
  greeting_anonymous: 'Hola:',
  'intro.payment_instructions': 'Así puedes pagar {amount} del pedido {order} en {merchant}.',
  'intro.payment_reminder': 'Tu pago de {amount} del pedido {order} en {merchant} vence el {expires}.',
  'intro.payment_receipt': 'Recibimos tu pago de {amount} del pedido {order} en {merchant}.',
  'intro.refund_pending': '{merchant} inició el reembolso de {amount} del pedido {order}.',
  'intro.refund_succeeded': '{merchant} reembolsó {amount} del pedido {order}.',
  'intro.refund_failed':
    'El reembolso de {amount} del pedido {order} en {merchant} no pudo completarse. {merchant} se pondrá en contacto contigo.',
  'intro.refund_requires_action':
    'Para reembolsar {amount} del pedido {order}, {merchant} necesita la cuenta bancaria de destino y te la pedirá.',
  'label.pix': 'Código PIX copia y pega',
  'label.boleto': 'Línea digitable del boleto',
  'label.due_date': 'Vencimiento',
  'label.expires': 'Paga antes del',
  'label.amount': 'Monto',
  'label.bank': 'Banco',
  'label.agency': 'Agencia',
  'label.account': 'Cuenta',
  'label.beneficiary': 'Beneficiario',
  'label.document': 'Documento',
  'label.reference': 'Referencia',
  'label.clabe': 'CLABE',
  'label.method': 'Medio de pago',
  'label.paid_at': 'Pagado el',
  'link.page': 'Abrir tu página de pago',
  footer: 'Recibes este mensaje porque iniciaste un pago en {merchant}. Borda lo procesa para ellos.',
  'sms.payment_instructions': '{merchant}: paga {amount} del pedido {order}. {artifact} {url}',
  'sms.payment_reminder': '{merchant}: tu pago de {amount} vence el {expires}. {url}',
  'sms.payment_receipt': '{merchant}: pago de {amount} del pedido {order} recibido. ¡Gracias!',
  'sms.refund': '{merchant}: {intro}',
};

const TEXTS: Record<Locale, Record<TextKey, string>> = { 'pt-BR': ptBR, es, en };

/** The text for `key` in `locale` with each `{name}` filled; unknown placeholders stay visible. */
export function text(locale: Locale, key: TextKey, vars: Record<string, string> = {}): string {
  return TEXTS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? (vars[name] as string) : whole,
  );
}

export type { TextKey };
