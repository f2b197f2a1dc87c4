import Link from "next/link";
import { formatR, formatRate } from "./format-stats";
import type { RecordStats } from "./record-types";

/** One row per UTC month of closing; a month links to its trades when `hrefFor` is given. */
export function MonthlyTable({
  months,
  hrefFor,
}: {
  months: RecordStats["monthly"];
  hrefFor?: (show: string) => string;
}) {
  if (months.length === 0) return <p className="text-sm text-zinc-400">No closed trades yet.</p>;
  return (
    <table data-testid="monthly-table" className="w-full text-left text-sm">
      <caption className="pb-2 text-left text-sm font-semibold text-white">By month (UTC)</caption>
      <thead className="text-xs uppercase text-zinc-400">
        <tr>
          <th scope="col">Month</th>
          <th scope="col">Trades</th>
          <th scope="col">Win rate</th>
          <th scope="col">Total R</th>
          <th scope="col">Total %</th>
        </tr>
      </thead>
      <tbody className="text-zinc-200">
        {[...months].reverse().map((m) => (
          <tr key={m.month} className="border-t border-zinc-800">
            <th scope="row" className="py-1 font-medium">
              {hrefFor === undefined ? (
                m.month
              ) : (
                <Link href={hrefFor(`month:${m.month}`)} className="underline hover:text-sky-300">
                  {m.month}
                </Link>
              )}
            </th>
            <td>{m.trades}</td>
            <td>{formatRate(m.winRate)}</td>
            <td>{formatR(m.totalR)}</td>
            <td>{m.totalPct.toFixed(2)} %</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
