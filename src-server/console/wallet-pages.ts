import { documentTypeLabel, documentTypes } from '../../src-shared/domain/identity-document';
import { holderName } from '../../src-shared/wallet/holder-fields';
import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { identification, pesos, stateLabel, when } from './console-format';
import { html, type Html } from './html';
import { kardexShown, type LiquidationSummary, type WalletView } from './wallet-queries';

/** «Prepagos»: the search by identification, and what it finds. */
export function walletsPage(
  frame: Omit<PageFrame, 'title' | 'active'>,
  search: { docType: string; docNumber: string },
  found: WalletView | null,
): Html {
  const options = documentTypes.map(
    (type) =>
      html`<option value="${type}" ${type === search.docType ? html` selected` : ''}>
        ${type} — ${documentTypeLabel(type)}
      </option>`,
  );
  return consolePage(
    { ...frame, title: 'Prepagos', active: 'wallets' },
    html`<h1>Prepagos</h1>
      <form method="get" action="${consolePaths.wallets}" class="filters" role="search">
        <label
          >Tipo de identificación
          <select name="tipo">
            ${options}
          </select></label
        >
        <label
          >Número <input name="numero" value="${search.docNumber}" required maxlength="24" inputmode="text"
        /></label>
        <button type="submit">Buscar</button>
      </form>
      ${found === null ? '' : walletSection(found)}`,
  );
}

function walletSection(view: WalletView): Html {
  const who = identification(view.docType, view.docNumber);
  if (view.holder === null && view.balance === null && view.liquidations.length === 0)
    return html`<p class="notice error" role="status">No hay un prepago ni liquidaciones para ${who}.</p>`;
  const holder =
    view.holder === null
      ? html`<p class="hint">Todavía no hay un prepago abierto para ${who}: se abre con la primera recarga pagada.</p>`
      : html`<dl class="facts">
          <dt>Titular</dt>
          <dd>${holderName(view.holder.identity)}</dd>
          <dt>Identificación</dt>
          <dd>${who}</dd>
          <dt>Tipo de persona</dt>
          <dd>${view.holder.identity.personKind === 'juridica' ? 'Jurídica' : 'Natural'}</dd>
          <dt>Correo</dt>
          <dd>${view.holder.email}</dd>
          <dt>Celular</dt>
          <dd>${view.holder.mobile}</dd>
          <dt>Teléfono fijo</dt>
          <dd>${view.holder.landline ?? '—'}</dd>
          <dt>Dirección</dt>
          <dd>${view.holder.address}, ${view.holder.municipality}</dd>
          <dt>Prepago abierto</dt>
          <dd>${when(view.holder.createdAt)}</dd>
          <dt>Clave enviada</dt>
          <dd>${view.holder.claveIssued ? 'Sí' : 'Todavía no'}</dd>
        </dl>`;
  const kardexRows = view.kardex.map(
    (line) =>
      html`<tr>
        <td>${when(line.at)}</td>
        <td>${line.description}</td>
        <td class="num">${line.amount > 0 ? pesos(line.amount) : ''}</td>
        <td class="num">${line.amount < 0 ? pesos(-line.amount) : ''}</td>
        <td class="num">${pesos(line.balanceAfter)}</td>
      </tr>`,
  );
  return html`<h2>${who}</h2>
    ${holder}
    <h2>Saldo: <span data-testid="saldo">${pesos(view.balance ?? 0)}</span></h2>
    <h2>Kardex (movimientos del libro contable)</h2>
    ${view.kardex.length >= kardexShown ? html`<p class="hint">Se muestran los últimos ${kardexShown} movimientos.</p>` : ''}
    ${
      view.kardex.length === 0
        ? html`<p class="hint">Sin movimientos.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>Fecha (hora de Colombia)</th>
                <th>Movimiento</th>
                <th class="num">Entra</th>
                <th class="num">Sale</th>
                <th class="num">Saldo</th>
              </tr>
            </thead>
            <tbody>
              ${kardexRows}
            </tbody>
          </table>`
    }
    <h2>Liquidaciones</h2>
    ${liquidationTable(view.liquidations)}`;
}

export function liquidationTable(rows: readonly LiquidationSummary[]): Html {
  if (rows.length === 0) return html`<p class="hint">No hay liquidaciones.</p>`;
  const body = rows.map(
    (l) =>
      html`<tr>
        <td><a href="${consolePaths.liquidations}/${l.number}">${l.number}</a></td>
        <td>${identification(l.docType, l.docNumber)}</td>
        <td class="num">${pesos(l.amount)}</td>
        <td class="state">${stateLabel[l.state]}</td>
        <td>${when(l.createdAt)}</td>
        <td>${when(l.expiresAt)}</td>
      </tr>`,
  );
  return html`<table>
    <thead>
      <tr>
        <th>Nro.</th>
        <th>Identificación</th>
        <th class="num">Valor</th>
        <th>Estado</th>
        <th>Creada</th>
        <th>Vence</th>
      </tr>
    </thead>
    <tbody>
      ${body}
    </tbody>
  </table>`;
}
