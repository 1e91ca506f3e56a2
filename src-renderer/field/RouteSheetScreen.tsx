import { useEffect, useState } from 'react';
import type { RouteSheetRow } from '../../src-shared/api/ops/field';
import { formatCop } from '../../src-shared/domain/money';
import { useFieldCall } from './useFieldCall';
import { useFieldStore } from './field-store';

const pageSize = 40;

/**
 * The route sheet: the subscribers of the laptop's routes in walking order, each a large
 * button with what is owed; the search box finds by código interno, address or meter as it is
 * typed. Keyboard: type, Tab to a row, Enter opens it.
 */
export function RouteSheetScreen() {
  const call = useFieldCall();
  const query = useFieldStore((state) => state.query);
  const search = useFieldStore((state) => state.search);
  const openSubscriber = useFieldStore((state) => state.openSubscriber);
  const show = useFieldStore((state) => state.show);
  const changes = useFieldStore((state) => state.changes);
  // After midnight (or a day ended elsewhere) nothing can be collected until today's day opens.
  const [dayOpen, setDayOpen] = useState(true);
  useEffect(() => {
    let live = true;
    void call('field.status', {}).then((result) => {
      if (live && result.ok) setDayOpen(result.value.today !== null);
    });
    return () => {
      live = false;
    };
  }, [call, changes]);
  const [rows, setRows] = useState<RouteSheetRow[]>([]);
  const [more, setMore] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('field.routeSheet', { query, limit: pageSize }).then((result) => {
      if (!live) return;
      if (!result.ok) return setProblem(result.error.message);
      setProblem(null);
      setRows(result.value.rows);
      setMore(result.value.more);
    });
    return () => {
      live = false;
    };
  }, [call, query]);

  const next = async () => {
    const result = await call('field.routeSheet', { query, after: rows.at(-1)?.codigoRuta, limit: pageSize });
    if (!result.ok) return setProblem(result.error.message);
    setRows([...rows, ...result.value.rows]);
    setMore(result.value.more);
  };

  return (
    <section className="field-card field-sheet" aria-label="Hoja de ruta">
      <h1>Hoja de ruta</h1>
      {!dayOpen && (
        <div className="field-warning" role="alert">
          <p>El día de recaudo de hoy no está abierto: ábralo para poder cobrar.</p>
          <button type="button" className="field-primary" onClick={() => show('open-day')}>
            Abrir el día de hoy
          </button>
        </div>
      )}
      <label className="field-search">
        Buscar por código interno, dirección o medidor
        <input
          autoFocus
          type="search"
          value={query}
          onChange={(e) => search(e.target.value)}
          maxLength={60}
          placeholder="Ej.: 120006, Calle 10, ZN-17-5248711"
        />
      </label>
      {problem !== null && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {rows.length === 0 && problem === null && (
        <p className="field-lead" role="status">
          {query.trim() === ''
            ? 'Este equipo no tiene suscriptores de sus rutas.'
            : 'Ningún suscriptor de sus rutas coincide.'}
        </p>
      )}
      <ul className="field-sheet__rows" aria-label="Suscriptores en orden de ruta">
        {rows.map((row) => (
          <li key={row.codigoInterno}>
            <button
              type="button"
              className="field-row"
              data-codigo={row.codigoInterno}
              onClick={() => openSubscriber(row.codigoInterno)}
            >
              <span className="field-row__main">
                <strong>{row.address}</strong>
                <span>
                  {row.holderName} · Código {row.codigoInterno}
                </span>
                <span className="field-row__minor">
                  Ruta {row.codigoRuta} · Medidor {row.meterSerial}
                </span>
              </span>
              <span className={`field-row__owed ${row.pendingBills === 0 ? 'field-row__owed--none' : ''}`}>
                {row.pendingBills === 0
                  ? 'Al día'
                  : `${row.pendingBills} ${row.pendingBills === 1 ? 'factura' : 'facturas'} · ${formatCop(row.pendingTotal)}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {more && (
        <button type="button" className="field-secondary" onClick={() => void next()}>
          Ver más suscriptores
        </button>
      )}
    </section>
  );
}
