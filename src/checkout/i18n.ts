import type { Locale } from '../domain/methods';
import { MESSAGES, type MessageKey } from './messages';

export { formatAmount, formatDecimal, pickLocale } from '../domain/locale-format';
export { MESSAGES, type MessageKey, type Messages } from './messages';

/**
 * The text for `key` in `locale`, with each `{name}` replaced by vars[name]; a placeholder without a value
 * is left as is so a missing variable shows up in review instead of vanishing. Values are not HTML-escaped
 * here: the JSX that renders them escapes.
 */
export function t(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = MESSAGES[locale][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : placeholder,
  );
}

/**
 * The customer-facing message for a failure code (a gateway decline, a checkCard code or a session error),
 * or the generic one for a code we have no text for. Raw gateway codes are never shown to customers.
 */
export function declineMessage(locale: Locale, code: string): string {
  const key = `decline.${code}`;
  return isMessageKey(key) ? MESSAGES[locale][key] : MESSAGES[locale]['decline.generic'];
}

// Object.hasOwn, not `in`, so codes such as 'constructor' or '__proto__' fall back instead of matching.
function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES.en, key);
}
