import { paymentChannelLabel } from '../../src-shared/wallet/liquidation';
import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { pesos, resolutionLabel, reviewKindLabel, when } from './console-format';
import { html, type Html } from './html';
import { allowedResolutions, type Resolution } from './resolve-review';
import type { ReviewView } from './review-queries';
import { mayAct } from './staff-roles';

const actionLabel: Record<Resolution, string> = {
  applied: 'Aplicar a la liquidación',
  returned: 'Devuelto al cliente (el dinero se devolvió por fuera del sistema; no mueve saldos)',
  acknowledged: 'Revisado (el dinero ya está abonado; solo se deja constancia)',
};

/** The details the import and the gateway write, in staff's words; other keys show as they are. */
const detailLabel: Record<string, string> = {
  fileName: 'Archivo',
  line: 'Línea',
  bankCode: 'Código del banco',
  collectedOn: 'Fecha de recaudo',
  reference: 'Referencia',
  office: 'Oficina',
  sequence: 'Secuencia',
  liquidationNumber: 'Liquidación de la referencia',
  liquidationAmount: 'Valor de la liquidación',
  liquidationState: 'Estado de la liquidación',
  reason: 'Motivo',
  amountInCents: 'Valor en la pasarela (centavos)',
  expectedAmountInCents: 'Valor esperado (centavos)',
  currency: 'Moneda',
  receipt: 'Recibo de caja',
  cashSessionId: 'Sesión de caja',
  takenAt: 'Recibido en la caja',
  deviceId: 'Dispositivo',
};

export function reviewsPage(
  frame: Omit<PageFrame, 'title' | 'active'>,
  reviews: readonly ReviewView[],
  includeResolved: boolean,
): Html {
  const rows = reviews.map(
    (r) =>
      html`<tr>
        <td><a href="${consolePaths.reviews}/${r.id}">${reviewKindLabel[r.kind]}</a></td>
        <td>${paymentChannelLabel[r.channel]}</td>
        <td class="num">${r.amount === null ? '—' : pesos(r.amount)}</td>
        <td>${r.liquidationNumber ?? '—'}</td>
        <td>${when(r.createdAt)}</td>
        <td>
          ${r.resolvedAt === null ? html`<strong>Abierta</strong>` : html`${resolutionLabel[r.resolution ?? ''] ?? r.resolution} (${r.resolvedBy})`}
        </td>
      </tr>`,
  );
  return consolePage(
    { ...frame, title: 'Revisiones', active: 'reviews' },
    html`<h1>Revisiones</h1>
      <p class="hint">
        Pagos que el sistema no pudo aplicar solo (referencia desconocida, valor distinto) y pagos abonados que alguien
        debe mirar (pagada dos veces, pagada tarde). Las abiertas van primero, la más antigua arriba.
      </p>
      <p>
        ${
          includeResolved
            ? html`<a href="${consolePaths.reviews}">Ver solo las abiertas</a>`
            : html`<a href="${consolePaths.reviews}?ver=todas">Ver también las resueltas</a>`
        }
      </p>
      ${
        rows.length === 0
          ? html`<p class="notice ok" role="status">No hay revisiones abiertas.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Tipo</th>
                  <th>Canal</th>
                  <th class="num">Valor recibido</th>
                  <th>Liquidación</th>
                  <th>Desde</th>
                  <th>Estado</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
      }`,
  );
}

export function reviewPage(
  frame: Omit<PageFrame, 'title' | 'active'>,
  r: ReviewView,
  form?: { note: string; number: string },
): Html {
  const details = Object.entries(r.details).filter(
    ([k, v]) => (typeof v === 'string' || typeof v === 'number') && k !== 'note',
  );
  return consolePage(
    { ...frame, title: 'Revisión', active: 'reviews' },
    html`<p><a href="${consolePaths.reviews}">← Revisiones</a></p>
      <h1>${reviewKindLabel[r.kind]}</h1>
      <dl class="facts">
        <dt>Canal</dt>
        <dd>${paymentChannelLabel[r.channel]}</dd>
        <dt>Valor recibido</dt>
        <dd>${r.amount === null ? '—' : pesos(r.amount)}</dd>
        <dt>Liquidación</dt>
        <dd>
          ${r.liquidationNumber === null ? 'Ninguna' : html`<a href="${consolePaths.liquidations}/${r.liquidationNumber}">${r.liquidationNumber}</a>`}
        </dd>
        <dt>Origen</dt>
        <dd><code>${r.sourceKey}</code></dd>
        ${
          r.bankFile === null
            ? ''
            : html`<dt>Archivo del banco</dt>
                <dd>${r.bankFile.fileName}, línea ${r.bankFile.lineNumber} (banco ${r.bankFile.bankCode})</dd>`
        }
        <dt>Desde</dt>
        <dd>${when(r.createdAt)}</dd>
        ${details.map(
          ([k, v]) =>
            html`<dt>${detailLabel[k] ?? k}</dt>
              <dd>${k.endsWith('Amount') && typeof v === 'number' ? pesos(v) : String(v)}</dd>`,
        )}
      </dl>
      ${typeof r.details.note === 'string' ? html`<p class="notice error">${r.details.note}</p>` : ''}
      ${
        r.raw === null
          ? ''
          : html`<h2>Registro recibido, tal como llegó</h2>
              <pre class="raw" data-testid="raw">${r.raw}</pre>`
      }
      ${r.resolvedAt === null ? resolveForm(frame, r, form) : resolvedBlock(r)}`,
  );
}

function resolvedBlock(r: ReviewView): Html {
  return html`<h2>Resuelta</h2>
    <dl class="facts" data-testid="resolucion">
      <dt>Decisión</dt>
      <dd>${resolutionLabel[r.resolution ?? ''] ?? r.resolution}</dd>
      ${
        r.appliedTo === null
          ? ''
          : html`<dt>Abonado a</dt>
              <dd><a href="${consolePaths.liquidations}/${r.appliedTo}">Liquidación ${r.appliedTo}</a></dd>`
      }
      <dt>Por</dt>
      <dd>${r.resolvedBy}</dd>
      <dt>Cuándo</dt>
      <dd>${when(r.resolvedAt)}</dd>
      <dt>Nota</dt>
      <dd>${r.resolutionNote}</dd>
    </dl>`;
}

function resolveForm(
  frame: Omit<PageFrame, 'title' | 'active'>,
  r: ReviewView,
  form?: { note: string; number: string },
): Html {
  if (!mayAct(frame.staff.role)) return html`<p class="hint">Solo un supervisor puede resolver una revisión.</p>`;
  const allowed = allowedResolutions(r);
  const options = allowed.map(
    (a, i) =>
      html`<label class="radio"
        ><input type="radio" name="decision" value="${a}" ${i === 0 ? html` checked` : ''} required />
        ${actionLabel[a]}</label
      >`,
  );
  return html`<h2>Resolver</h2>
    <form method="post" action="${consolePaths.reviews}/${r.id}/resolver" class="action">
      <input type="hidden" name="csrf" value="${frame.csrf}" />
      <fieldset>
        <legend>Decisión</legend>
        ${options}
      </fieldset>
      ${
        allowed.includes('applied')
          ? html`<label
                >Liquidación a la que se aplica (solo para «Aplicar»)
                <input
                  name="liquidacion"
                  inputmode="numeric"
                  maxlength="12"
                  value="${form?.number ?? r.liquidationNumber ?? ''}"
              /></label>
              <p class="hint">
                Se abona ${r.amount === null ? '—' : pesos(r.amount)} al prepago de esa liquidación, una sola vez.
              </p>`
          : ''
      }
      <label
        >Nota (obligatoria) <textarea name="nota" required minlength="3" maxlength="1000">${form?.note ?? ''}</textarea>
      </label>
      <button type="submit">Guardar la decisión</button>
    </form>`;
}
