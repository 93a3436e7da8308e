import type { FC } from 'hono/jsx';
import { ERRORS } from '../http/errors';
import type { OpenApiDocument } from './document';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
};

function resolve(doc: OpenApiDocument, s: Schema | undefined): Schema | undefined {
  if (!s?.$ref) return s;
  return (doc.components.schemas as Record<string, Schema>)[s.$ref.split('/').pop() ?? ''];
}

function typeLabel(s: Schema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.anyOf) return s.anyOf.map(typeLabel).join(' | ');
  if (s.type === 'array' && s.items) return `${typeLabel(s.items)}[]`;
  return Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'object');
}

function bounds(s: Schema): string {
  const parts: string[] = [];
  if (s.minimum !== undefined || s.maximum !== undefined)
    parts.push(`${s.minimum ?? ''}..${s.maximum ?? ''}`);
  if (s.maxLength !== undefined) parts.push(`length ${s.minLength ?? 0}..${s.maxLength}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join(', ');
}

const Fields: FC<{ schema: Schema | undefined }> = ({ schema }) => {
  if (!schema?.properties) return null;
  return (
    <table>
      <thead>
        <tr>
          <th>Field</th>
          <th>Type</th>
          <th>Bounds</th>
          <th>Description</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(schema.properties).map(([name, s]) => (
          <tr>
            <td>
              <code>{name}</code>
              {schema.required?.includes(name) ? ' (required)' : ''}
            </td>
            <td>{typeLabel(s)}</td>
            <td>{bounds(s)}</td>
            <td>{s.description ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const Responses: FC<{ responses: Record<string, { description?: string }> | undefined }> = ({
  responses,
}) => (
  <ul class="responses">
    {Object.entries(responses ?? {}).map(([status, r]) => (
      <li>
        <strong>{status}</strong> {r.description ?? ''}
      </li>
    ))}
  </ul>
);

/** A readable reference rendered on the server from the OpenAPI document: no CDN, no client JS. */
export const DocsPage: FC<{ doc: OpenApiDocument; nonce: string }> = ({ doc, nonce }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width,initial-scale=1" />
      <title>Borda API reference</title>
      <style
        nonce={nonce}
      >{`body{font:16px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
code{background:#f3f3f3;padding:0 .25em}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}h3{margin-top:2rem}
code,td,p,li{overflow-wrap:anywhere}ul.responses{padding-left:1.2rem}
@media (max-width:640px){body{margin:1rem auto}table,thead,tbody,tr,td,th{display:block;width:auto}
thead{display:none}tr{border:1px solid #ddd;margin-bottom:.5rem}td{border:0;padding:.15rem .5rem}}`}</style>
    </head>
    <body>
      <h1>{doc.info.title}</h1>
      <p>
        {doc.info.description} The machine-readable document is at <a href="/openapi.json">/openapi.json</a>.
      </p>
      {Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods as Record<string, Record<string, unknown>>).map(([method, op]) => {
          const body = op.requestBody as { content: { 'application/json': { schema: Schema } } } | undefined;
          const params = (op.parameters as Array<{ name: string; in: string; schema: Schema }>) ?? [];
          return (
            <section id={String(op.operationId)}>
              <h3>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </h3>
              <p>{String(op.summary)}</p>
              {params.length > 0 && (
                <Fields
                  schema={{
                    properties: Object.fromEntries(params.map((p) => [`${p.name} (${p.in})`, p.schema])),
                  }}
                />
              )}
              {body?.content['application/json'] && (
                <Fields schema={resolve(doc, body.content['application/json'].schema)} />
              )}
              <Responses responses={op.responses as Record<string, { description?: string }>} />
            </section>
          );
        }),
      )}
      <h2 id="webhooks">Webhooks</h2>
      <p>
        Borda POSTs these events to your notification_url, signed with the <code>webhook-id</code>,{' '}
        <code>webhook-timestamp</code> and <code>webhook-signature</code> headers (Standard Webhooks) and{' '}
        <code>x-signature</code>.
      </p>
      {Object.entries(doc.webhooks ?? {}).map(([type, item]) => {
        const post = item.post as {
          summary?: string;
          requestBody?: { content: Record<string, { schema: Schema }> };
        };
        return (
          <section id={`webhook-${type}`}>
            <h3>
              <code>{type}</code>
            </h3>
            <p>{post.summary ?? ''}</p>
            <Fields schema={resolve(doc, post.requestBody?.content['application/json']?.schema)} />
          </section>
        );
      })}
      <h2 id="errors">Errors</h2>
      <table>
        <tbody>
          {Object.entries(ERRORS).map(([code, e]) => (
            <tr id={`error-${code}`}>
              <td>
                <code>{code}</code>
              </td>
              <td>{e.status}</td>
              <td>{e.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </body>
  </html>
);
