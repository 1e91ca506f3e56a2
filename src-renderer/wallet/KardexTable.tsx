import { useState } from 'react';
import { formatBogotaShortDate, formatBogotaTime } from '../../src-shared/domain/bogota-time';
import { formatCop } from '../../src-shared/domain/money';
import type { KardexRow } from '../../src-shared/server-api/wallet-api';
import { Button } from '../ui/Button';

const pageSize = 8;

/** The kardex, newest first, a few lines a page: each movement and the balance it left. */
export function KardexTable({ rows }: { readonly rows: readonly KardexRow[] }) {
  const [page, setPage] = useState(0);
  if (rows.length === 0) return <p className="bills-lead">Su prepago todavía no tiene movimientos.</p>;
  const newestFirst = [...rows].reverse();
  const pages = Math.ceil(newestFirst.length / pageSize);
  const shown = newestFirst.slice(page * pageSize, (page + 1) * pageSize);
  return (
    <>
      <table className="payments wallet-kardex">
        <caption className="visually-hidden">Movimientos del prepago, del más reciente al más antiguo</caption>
        <thead>
          <tr>
            <th scope="col">Fecha</th>
            <th scope="col">Movimiento</th>
            <th scope="col" className="payments__amount">
              Valor
            </th>
            <th scope="col" className="payments__amount">
              Saldo
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row, index) => {
            const at = new Date(row.at);
            return (
              <tr key={`${row.at}-${index}`}>
                <td>
                  {formatBogotaShortDate(at)} {formatBogotaTime(at)}
                </td>
                <td>{row.description}</td>
                <td className={`payments__amount ${row.amount < 0 ? 'wallet-kardex__out' : 'wallet-kardex__in'}`}>
                  {row.amount > 0 ? `+${formatCop(row.amount)}` : formatCop(row.amount)}
                </td>
                <td className="payments__amount">{formatCop(row.balanceAfter)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {pages > 1 && (
        <div className="wallet-pager">
          <Button variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Más recientes
          </Button>
          <span className="wallet-pager__where" aria-live="polite">
            Página {page + 1} de {pages}
          </span>
          <Button variant="secondary" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            Más antiguos
          </Button>
        </div>
      )}
    </>
  );
}
