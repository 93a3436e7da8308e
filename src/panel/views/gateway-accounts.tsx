import type { FC } from 'hono/jsx';
import type { catalog, listGatewayAccounts } from '../../features/gateway-accounts/service';
import { Csrf } from './layout';

type Account = Awaited<ReturnType<typeof listGatewayAccounts>>[number];

const list = (v: readonly string[] | undefined) => (v ?? []).join(', ');

/** One routing rule of an account; empty means no restriction. */
const RuleInput: FC<{ id: string; name: string; label: string; value: string | number | undefined }> = (
  p,
) => (
  <>
    <label for={p.id}>{p.label}</label>
    <input id={p.id} name={p.name} size={12} value={p.value === undefined ? '' : String(p.value)} />
  </>
);

/**
 * This mode's gateway accounts, in the order routing tries them (lowest priority first), with their
 * routing rules. Credentials are written here and never shown: only which fields are set.
 */
export const GatewayAccountsSection: FC<{
  base: string;
  csrf: string;
  accounts: Account[];
  gateways: ReturnType<typeof catalog>;
}> = (p) => (
  <section aria-labelledby="gateways-title">
    <h2 id="gateways-title">Gateway accounts</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">Account</th>
          <th scope="col">Priority and methods</th>
          <th scope="col">Credentials</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {p.accounts.length === 0 && (
          <tr>
            <td colspan={4}>
              No accounts in this mode: test payments go to the sandbox, live ones are refused.
            </td>
          </tr>
        )}
        {p.accounts.map((a) => (
          <tr>
            <td>
              {a.name} <small>({a.gateway})</small>
            </td>
            <td>
              <form method="post" action={`${p.base}/settings/gateways/${a.id}`} class="inline">
                <Csrf token={p.csrf} />
                <label for={`priority-${a.id}`}>Priority</label>
                <input
                  id={`priority-${a.id}`}
                  name="priority"
                  type="number"
                  min={0}
                  max={10000}
                  size={5}
                  value={String(a.priority)}
                />
                <input type="hidden" name="rules_form" value="1" />
                <RuleInput
                  id={`methods-${a.id}`}
                  name="methods"
                  label="Only methods"
                  value={list(a.rules.methods)}
                />
                <RuleInput
                  id={`currencies-${a.id}`}
                  name="currencies"
                  label="Only currencies"
                  value={list(a.rules.currencies)}
                />
                <RuleInput
                  id={`countries-${a.id}`}
                  name="countries"
                  label="Only countries"
                  value={list(a.rules.countries)}
                />
                <RuleInput
                  id={`min-${a.id}`}
                  name="min_amount"
                  label="From (minor units)"
                  value={a.rules.min_amount}
                />
                <RuleInput
                  id={`max-${a.id}`}
                  name="max_amount"
                  label="Up to (minor units)"
                  value={a.rules.max_amount}
                />
                <button type="submit">Save routing</button>
              </form>
            </td>
            <td>{a.credentials_set.join(', ') || 'none'}</td>
            <td>
              {a.enabled ? 'enabled' : 'disabled'} · {a.health.state}
              <form method="post" action={`${p.base}/settings/gateways/${a.id}`} class="inline">
                <Csrf token={p.csrf} />
                <input type="hidden" name="enabled" value={a.enabled ? 'false' : 'true'} />
                <button type="submit">{a.enabled ? 'Disable' : 'Enable'}</button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <form method="post" action={`${p.base}/settings/gateways`}>
      <Csrf token={p.csrf} />
      <fieldset>
        <legend>Add an account</legend>
        <p>
          <label for="gw-gateway">Gateway</label>
          <select id="gw-gateway" name="gateway">
            {p.gateways
              .filter((g) => g.available)
              .map((g) => (
                <option value={g.gateway}>
                  {g.gateway} (needs {g.credential_fields.join(', ') || 'nothing'})
                </option>
              ))}
          </select>
        </p>
        <p>
          <label for="gw-name">Name (optional)</label>
          <input id="gw-name" name="name" />
          <label for="gw-priority">Priority</label>
          <input id="gw-priority" name="priority" type="number" min={0} max={10000} value="100" />
        </p>
        <p>
          <label for="gw-credentials">
            Credentials, one field=value a line (stored sealed, never shown again)
          </label>
          <textarea id="gw-credentials" name="credentials" rows={3} cols={50} autocomplete="off" />
        </p>
        <button type="submit">Add account</button>
      </fieldset>
    </form>
  </section>
);
