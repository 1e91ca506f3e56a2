import { documentTypes } from '../../src-shared/domain/identity-document';
import { holderName } from '../../src-shared/wallet/holder-fields';
import { liquidationStates, paymentChannelLabel, type PaymentChannel } from '../../src-shared/wallet/liquidation';
import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { identification, outcomeLabel, pesos, stateLabel, when } from './console-format';
import { html, type Html } from './html';
import type { LiquidationDetail } from './liquidation-queries';
import { mayAct } from './staff-roles';
import { liquidationTable } from './wallet-pages';
import type { LiquidationSummary } from './wallet-queries';

export interface LiquidationSearch {
  readonly state: string;
  readonly number: string;
  readonly docType: string;
  readonly docNumber: string;
}

export function liquidationsPage(
  frame: Omit<PageFrame, 'title' | 'active'>,
  search: LiquidationSearch,
  rows: readonly LiquidationSummary[],
): Html {
  const states = liquidationStates.map(
    (s) => html`<option value="${s}" ${s === search.state ? html` selected` : ''}>${stateLabel[s]}</option>`,
  );
  const types = documentTypes.map(
    (t) => html`<option value="${t}" ${t === search.docType ? html` selected` : ''}>${t}</option>`,
  );
  return consolePage(
    { ...frame, title: 'Liquidaciones', active: 'liquidations' },
    html`<h1>Liquidaciones</h1>
      <form method="get" action="${consolePaths.liquidations}" class="filters" role="search">
        <label
          >Estado
          <select name="estado">
            <option value="">Todos</option>
            ${states}
          </select></label
        >
        <label>Número <input name="numero" value="${search.number}" inputmode="numeric" maxlength="12" /></label>
        <label
          >Tipo
          <select name="tipo">
            <option value="">Cualquiera</option>
            ${types}
          </select></label
        >
        <label>Identificación <input name="identificacion" value="${search.docNumber}" maxlength="24" /></label>
        <button type="submit">Filtrar</button>
      </form>
      <p class="hint">Se muestran hasta 200, las más recientes primero.</p>
      ${liquidationTable(rows)}`,
  );
}

export function liquidationPage(frame: Omit<PageFrame, 'title' | 'active'>, l: LiquidationDetail): Html {
  const channel = (c: string) => paymentChannelLabel[c as PaymentChannel] ?? c;
  const payments = l.payments.map(
    (p) =>
      html`<tr>
        <td>${when(p.receivedAt)}</td>
        <td>${channel(p.channel)}</td>
        <td><code>${p.sourceKey}</code></td>
        <td class="num">${pesos(p.amount)}</td>
        <td>${outcomeLabel[p.outcome] ?? p.outcome}</td>
      </tr>`,
  );
  const gateway = l.gateway.map(
    (g) =>
      html`<tr>
        <td><a href="${consolePaths.transactions}/${encodeURIComponent(g.reference)}">${g.reference}</a></td>
        <td>${g.status}</td>
        <td>${when(g.createdAt)}</td>
      </tr>`,
  );
  const bank = l.bankRecords.map(
    (b) =>
      html`<tr>
        <td>${b.fileName}</td>
        <td class="num">${b.lineNumber}</td>
        <td class="num">${pesos(b.amount)}</td>
        <td>${outcomeLabel[b.outcome] ?? b.outcome}</td>
      </tr>`,
  );
  return consolePage(
    { ...frame, title: `Liquidación ${l.number}`, active: 'liquidations' },
    html`<p><a href="${consolePaths.liquidations}">← Liquidaciones</a></p>
      <h1>Liquidación ${l.number}</h1>
      <dl class="facts">
        <dt>Estado</dt>
        <dd class="state" data-testid="estado">${stateLabel[l.state]}</dd>
        <dt>Tipo</dt>
        <dd>${l.kind}</dd>
        <dt>Valor</dt>
        <dd>${pesos(l.amount)}</dd>
        <dt>Cliente</dt>
        <dd>
          ${holderName(l.client.identity)} —
          <a
            href="${consolePaths.wallets}?tipo=${encodeURIComponent(l.docType)}&amp;numero=${encodeURIComponent(l.docNumber)}"
            >${identification(l.docType, l.docNumber)}</a
          >
        </dd>
        <dt>Correo</dt>
        <dd>${l.client.contact.email}</dd>
        <dt>Creada</dt>
        <dd>${when(l.createdAt)}</dd>
        <dt>Vence</dt>
        <dd>${when(l.expiresAt)}</dd>
        ${
          l.paidAt === null
            ? ''
            : html`<dt>Pagada</dt>
                <dd>${when(l.paidAt)} (${channel(l.paidVia ?? '')})</dd>`
        }
        ${
          l.annulledAt === null
            ? ''
            : html`<dt>Anulada</dt>
                <dd>${when(l.annulledAt)} por ${l.annulledBy ?? '—'}</dd>
                <dt>Motivo de la anulación</dt>
                <dd>${l.annulledReason ?? '—'}</dd>`
        }
      </dl>
      <h2>Pagos recibidos</h2>
      ${
        payments.length === 0
          ? html`<p class="hint">Ningún pago ha llegado a esta liquidación.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Recibido</th>
                  <th>Canal</th>
                  <th>Origen</th>
                  <th class="num">Valor</th>
                  <th>Resultado</th>
                </tr>
              </thead>
              <tbody>
                ${payments}
              </tbody>
            </table>`
      }
      ${
        gateway.length === 0
          ? ''
          : html`<h2>Intentos de pago en línea</h2>
              <table>
                <thead>
                  <tr>
                    <th>Referencia</th>
                    <th>Estado</th>
                    <th>Creado</th>
                  </tr>
                </thead>
                <tbody>
                  ${gateway}
                </tbody>
              </table>`
      }
      ${
        bank.length === 0
          ? ''
          : html`<h2>Registros de archivos del banco</h2>
              <table>
                <thead>
                  <tr>
                    <th>Archivo</th>
                    <th class="num">Línea</th>
                    <th class="num">Valor</th>
                    <th>Resultado</th>
                  </tr>
                </thead>
                <tbody>
                  ${bank}
                </tbody>
              </table>`
      }
      ${l.state === 'pendiente' ? annulForm(frame, l.number) : ''}`,
  );
}

function annulForm(frame: Omit<PageFrame, 'title' | 'active'>, number: number): Html {
  if (!mayAct(frame.staff.role))
    return html`<p class="hint">Solo un supervisor puede anular una liquidación pendiente.</p>`;
  return html`<h2>Anular</h2>
    <form method="post" action="${consolePaths.liquidations}/${number}/anular" class="action">
      <input type="hidden" name="csrf" value="${frame.csrf}" />
      <p class="hint">
        Una liquidación anulada ya no se ofrece para pagar. Si un banco la paga de todos modos, el dinero se abona al
        prepago y queda una revisión.
      </p>
      <label
        >Motivo (obligatorio; no escriba datos personales)
        <textarea name="motivo" required minlength="3" maxlength="500"></textarea>
      </label>
      <button type="submit" class="danger">Anular la liquidación ${number}</button>
    </form>`;
}
