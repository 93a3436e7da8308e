import type { FC } from 'hono/jsx';
import type { Overview } from '../../features/panel/overview';

const W = 640;
const H = 160;

/** Sessions created (light) and paid (dark) per day, as bars: inline SVG, no script, no CSS. */
const DayChart: FC<{ series: Overview['series'] }> = ({ series }) => {
  const max = Math.max(1, ...series.map((d) => d.created));
  const slot = W / series.length;
  const bar = (n: number) => Math.round((n / max) * (H - 20));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby="conv-title">
      <title id="conv-title">Sessions created and paid per day</title>
      {series.map((d, i) => (
        <g>
          <rect
            x={i * slot + 4}
            y={H - 16 - bar(d.created)}
            width={slot - 8}
            height={bar(d.created)}
            fill="#9db4d8"
          />
          <rect
            x={i * slot + 4}
            y={H - 16 - bar(d.paid)}
            width={slot - 8}
            height={bar(d.paid)}
            fill="#14213d"
          />
          <text x={i * slot + slot / 2} y={H - 3} font-size="9" text-anchor="middle" fill="#1b1f24">
            {d.date.slice(5)}
          </text>
        </g>
      ))}
    </svg>
  );
};

const Rates: FC<{ caption: string; rows: Overview['perMethod'] }> = ({ caption, rows }) => (
  <table>
    <caption>{caption}</caption>
    <thead>
      <tr>
        <th scope="col">Name</th>
        <th scope="col">Attempts</th>
        <th scope="col">Paid</th>
        <th scope="col">Approval</th>
      </tr>
    </thead>
    <tbody>
      {rows.map((r) => (
        <tr class="rate">
          <td>{r.key}</td>
          <td>{r.attempts}</td>
          <td>{r.paid}</td>
          <td>{`${Math.round((r.paid / Math.max(r.attempts, 1)) * 1000) / 10}%`}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

export const OverviewBody: FC<{ data: Overview }> = ({ data }) => {
  const created = data.series.reduce((a, d) => a + d.created, 0);
  const paid = data.series.reduce((a, d) => a + d.paid, 0);
  return (
    <>
      <p id="conversion">
        Last 14 days: {created} sessions, {paid} paid
        {created > 0 ? ` (${Math.round((paid / created) * 1000) / 10}%)` : ''}.
      </p>
      <DayChart series={data.series} />
      <Rates caption="Approval by method" rows={data.perMethod} />
      <Rates caption="Approval by gateway" rows={data.perGateway} />
    </>
  );
};
