import { issuedCertificateStateLabels } from '../../src-shared/certificates/certificate-delivery';
import type { IssuedCopyView } from './certificate-queries';
import { dispensersSection } from './dispenser-section';
import type { KioskDispenserView } from './dispenser-queries';
import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { pesos, when } from './console-format';
import { html, type Html } from './html';
import { mayAct } from './staff-roles';

/** «Certificados»: copies bought at kiosks, the ones whose delivery nobody confirmed first. */
export function certificatesPage(
  frame: Omit<PageFrame, 'title' | 'active'>,
  copies: readonly IssuedCopyView[],
  dispensers: readonly KioskDispenserView[],
  now: Date,
): Html {
  const rows = copies.map(
    (c) =>
      html`<tr>
        <td><a href="${consolePaths.certificates}/${c.id}">${c.receiptNumber} · copia ${c.copy}</a></td>
        <td>${c.title}</td>
        <td>${c.businessName}</td>
        <td class="num">${pesos(c.price)}</td>
        <td>${c.deviceName}</td>
        <td>${when(c.issuedAt)}</td>
        <td>
          ${c.state === 'unknown' ? html`<strong>${issuedCertificateStateLabels[c.state]}</strong>` : issuedCertificateStateLabels[c.state]}
        </td>
      </tr>`,
  );
  return consolePage(
    { ...frame, title: 'Certificados', active: 'certificates' },
    html`<h1>Certificados</h1>
      <p class="hint">
        Copias compradas con el prepago en los kioscos. Las que el dispensador no confirmó («sin confirmar») van
        primero: alguien debe mirar la bandeja del kiosco y decidir si salieron.
      </p>
      ${dispensersSection(dispensers, now)}
      <h2>Copias vendidas</h2>
      ${
        rows.length === 0
          ? html`<p class="notice ok" role="status">Todavía no se ha vendido ningún certificado.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Recibo</th>
                  <th>Certificado</th>
                  <th>Nombre o razón social</th>
                  <th class="num">Valor</th>
                  <th>Kiosco</th>
                  <th>Expedido</th>
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

export function certificatePage(
  frame: Omit<PageFrame, 'title' | 'active'>,
  c: IssuedCopyView,
  form?: { note: string },
): Html {
  return consolePage(
    { ...frame, title: 'Certificado', active: 'certificates' },
    html`<p><a href="${consolePaths.certificates}">← Certificados</a></p>
      <h1>${c.title}</h1>
      <dl class="facts">
        <dt>Nombre o razón social</dt>
        <dd>${c.businessName}</dd>
        <dt>Matrícula</dt>
        <dd>${c.matriculaNumber}</dd>
        <dt>Recibo</dt>
        <dd>${c.receiptNumber}, copia ${c.copy}</dd>
        <dt>Código de verificación</dt>
        <dd><code>${c.verificationCode}</code></dd>
        <dt>Valor</dt>
        <dd>${pesos(c.price)}</dd>
        <dt>Kiosco</dt>
        <dd>${c.deviceName}</dd>
        <dt>Expedido</dt>
        <dd>${when(c.issuedAt)}</dd>
        <dt>Estado</dt>
        <dd data-testid="estado">${issuedCertificateStateLabels[c.state]}</dd>
        ${
          c.outcomeDetail === null
            ? ''
            : html`<dt>Lo que dijo el dispensador o la nota</dt>
                <dd>${c.outcomeDetail}</dd>`
        }
        ${
          c.resolvedBy === null
            ? ''
            : html`<dt>Decidió</dt>
                <dd>${c.resolvedBy}, ${when(c.outcomeAt)}</dd>`
        }
      </dl>
      ${c.state === 'unknown' || c.state === 'held' ? resolveForm(frame, c, form) : ''}`,
  );
}

function resolveForm(frame: Omit<PageFrame, 'title' | 'active'>, c: IssuedCopyView, form?: { note: string }): Html {
  if (!mayAct(frame.staff.role))
    return html`<p class="hint">Solo un supervisor puede decidir una entrega sin confirmar.</p>`;
  return html`<h2>Decidir la entrega</h2>
    <p class="hint">
      Mire la bandeja del dispensador de «${c.deviceName}» y el registro de la impresora. Si el certificado salió, se
      cobra; si no, se devuelven ${pesos(c.price)} al prepago del comprador y se le avisa por correo. La decisión no se
      puede cambiar.
    </p>
    <form method="post" action="${consolePaths.certificates}/${c.id}/decidir" class="action">
      <input type="hidden" name="csrf" value="${frame.csrf}" />
      <fieldset>
        <legend>¿Salió el certificado?</legend>
        <label class="radio"><input type="radio" name="decision" value="delivered" required /> Sí, salió: cobrar</label>
        <label class="radio"
          ><input type="radio" name="decision" value="refunded" required /> No salió: devolver el valor</label
        >
      </fieldset>
      <label
        >Nota (obligatoria) <textarea name="nota" required minlength="3" maxlength="500">${form?.note ?? ''}</textarea>
      </label>
      <button type="submit">Guardar la decisión</button>
    </form>`;
}
