import type { Locale } from '../domain/methods';

const TEXT = {
  'pt-BR': {
    title: 'Dados bancários para o reembolso',
    intro: '{merchant} vai devolver {amount}. Informe uma conta bancária no mesmo CPF/CNPJ de quem pagou.',
    holder_name: 'Nome do titular',
    holder_document: 'CPF ou CNPJ do titular',
    bank_code: 'Código do banco (3 dígitos)',
    agency: 'Agência (sem dígito)',
    account: 'Conta',
    account_digit: 'Dígito da conta',
    account_type: 'Tipo de conta',
    checking: 'Conta corrente',
    savings: 'Conta poupança',
    submit: 'Enviar dados',
    done: 'Recebemos seus dados. O reembolso de {amount} será enviado para a conta informada.',
    closed: 'Este reembolso não precisa mais de dados bancários.',
    invalid: 'Confira os campos destacados.',
    document_mismatch: 'A conta precisa ser do mesmo CPF/CNPJ que fez o pagamento.',
    gateway: 'Para receber {amount} de volta, informe sua conta no formulário do intermediador de pagamento.',
    continue: 'Continuar',
  },
  es: {
    title: 'Datos bancarios para el reembolso',
    intro: '{merchant} devolverá {amount}. Indique una cuenta bancaria del mismo documento de quien pagó.',
    holder_name: 'Nombre del titular',
    holder_document: 'Documento del titular',
    bank_code: 'Código del banco (3 dígitos)',
    agency: 'Sucursal',
    account: 'Cuenta',
    account_digit: 'Dígito de la cuenta',
    account_type: 'Tipo de cuenta',
    checking: 'Cuenta corriente',
    savings: 'Cuenta de ahorros',
    submit: 'Enviar datos',
    done: 'Recibimos sus datos. El reembolso de {amount} se enviará a la cuenta indicada.',
    closed: 'Este reembolso ya no necesita datos bancarios.',
    invalid: 'Revise los campos marcados.',
    document_mismatch: 'La cuenta debe ser del mismo documento que hizo el pago.',
    gateway: 'Para recibir {amount} de vuelta, indique su cuenta en el formulario del intermediario de pago.',
    continue: 'Continuar',
  },
  en: {
    title: 'Bank details for your refund',
    intro: '{merchant} will return {amount}. Give a bank account of the same CPF/CNPJ that paid.',
    holder_name: 'Account holder name',
    holder_document: "Holder's CPF or CNPJ",
    bank_code: 'Bank code (3 digits)',
    agency: 'Branch (without check digit)',
    account: 'Account',
    account_digit: 'Account check digit',
    account_type: 'Account type',
    checking: 'Checking',
    savings: 'Savings',
    submit: 'Send details',
    done: 'We have your details. The refund of {amount} will be sent to that account.',
    closed: 'This refund no longer needs bank details.',
    invalid: 'Check the highlighted fields.',
    document_mismatch: 'The account must belong to the CPF/CNPJ that paid.',
    gateway: 'To get {amount} back, give your account on the payment provider’s form.',
    continue: 'Continue',
  },
} as const;

export type BankPageKey = keyof (typeof TEXT)['en'];

export function bankText(locale: Locale, key: BankPageKey, vars: Record<string, string> = {}): string {
  const table = TEXT[locale] ?? TEXT.en;
  return table[key].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}
