import type { Locale } from '../domain/methods';
import type { Messages } from './messages-en';

export type { MessageKey, Messages } from './messages-en';

import { en } from './messages-en';
import { es } from './messages-es';
import { ptBR } from './messages-pt-br';

/** All checkout texts by locale. */
export const MESSAGES: Record<Locale, Messages> = { 'pt-BR': ptBR, es, en };
