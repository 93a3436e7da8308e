import type { FC } from 'hono/jsx';
import { renderedOnce } from './rendered-once';

/**
 * Small inline SVG marks for card brands and method kinds: no image request, nothing for the CSP to
 * allow, a few hundred bytes each. They are recognisable badges in each brand's colours, not the
 * brands' artwork; each is decorative (aria-hidden), the text beside it names the brand or method.
 */

type Mark = { bg: string; fg: string; text: string; size?: number };

export const CARD_MARKS: Record<string, Mark> = {
  visa: { bg: '#1a1f71', fg: '#fff', text: 'VISA' },
  mastercard: { bg: '#fff', fg: '#000', text: '' },
  amex: { bg: '#006fcf', fg: '#fff', text: 'AMEX' },
  elo: { bg: '#000', fg: '#ffcb05', text: 'elo', size: 13 },
  hipercard: { bg: '#b3131b', fg: '#fff', text: 'Hipercard', size: 7.5 },
  hiper: { bg: '#f37021', fg: '#fff', text: 'Hiper', size: 10 },
  diners: { bg: '#0079be', fg: '#fff', text: 'Diners', size: 9 },
};

export const BrandMark: FC<{ brand: string }> = ({ brand }) => {
  const m = CARD_MARKS[brand];
  if (!m) return null;
  return renderedOnce(`brand:${brand}`, () => (
    <svg
      class={`mark brand-${brand}`}
      viewBox="0 0 40 26"
      width="40"
      height="26"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="40" height="26" rx="4" fill={m.bg} stroke="#c4c6cf" />
      {brand === 'mastercard' ? (
        <>
          <circle cx="16" cy="13" r="7" fill="#eb001b" />
          <circle cx="24" cy="13" r="7" fill="#f79e1b" fill-opacity=".85" />
        </>
      ) : (
        <text
          x="20"
          y="17"
          text-anchor="middle"
          font-family="Arial,sans-serif"
          font-weight="700"
          font-size={m.size ?? 11}
          fill={m.fg}
        >
          {m.text}
        </text>
      )}
    </svg>
  ));
};

const Icon: FC<{ children: unknown }> = ({ children }) => (
  <svg class="mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
    {children}
  </svg>
);

/** A method's mark: Pix's diamond, a barcode for boleto and vouchers, a card, a bank, a phone for wallets. */
export const MethodMark: FC<{ method: string; kind: string }> = ({ method, kind }) =>
  renderedOnce(`method:${method}:${kind}`, () => methodIcon(method, kind));

function methodIcon(method: string, kind: string) {
  if (method === 'pix') {
    return (
      <Icon>
        <path d="M12 2 22 12 12 22 2 12Z" fill="#32bcad" />
        <path d="M12 7 17 12 12 17 7 12Z" fill="#fff" />
      </Icon>
    );
  }
  if (method === 'card') {
    return (
      <Icon>
        <rect x="2" y="5" width="20" height="14" rx="2" fill="#44474e" />
        <rect x="2" y="8" width="20" height="3" fill="#1b1b1f" />
        <rect x="5" y="14" width="6" height="2" fill="#fff" />
      </Icon>
    );
  }
  if (method === 'boleto' || kind === 'voucher') {
    return (
      <Icon>
        <path
          d="M3 5h2v14H3zm3 0h1v14H6zm2 0h3v14H8zm4 0h1v14h-1zm2 0h2v14h-2zm3 0h1v14h-1zm2 0h2v14h-2z"
          fill="#1b1b1f"
        />
      </Icon>
    );
  }
  if (kind === 'redirect') {
    return (
      <Icon>
        <rect x="6" y="2" width="12" height="20" rx="2" fill="#44474e" />
        <rect x="8" y="5" width="8" height="12" fill="#fff" />
      </Icon>
    );
  }
  return (
    <Icon>
      <path d="M12 2 2 7v2h20V7Zm-8 9v7h3v-7Zm6 0v7h4v-7Zm7 0v7h3v-7ZM2 20h20v2H2Z" fill="#44474e" />
    </Icon>
  );
}
