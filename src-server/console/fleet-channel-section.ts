import { releaseChannels, type ReleaseChannel } from '../../src-shared/server-api/update-feed';
import type { DeviceChannel } from '../releases/release-queries';
import { consolePaths } from './console-layout';
import { when } from './console-format';
import { html, type Html } from './html';

export const channelLabel: Record<ReleaseChannel, string> = {
  stable: 'Estable',
  pilot: 'Piloto',
};

/** The words the form posts: the channel's own name. */
export const channelFormField = 'canal';

/**
 * «Actualizaciones» on a device's page (docs/updates.md): the channel it follows, the version it
 * reports and the one its channel offers it, and a form to move it to the other channel.
 */
export function fleetChannelSection(input: {
  readonly csrf: string;
  readonly deviceId: string;
  readonly channel: DeviceChannel;
  readonly reportedVersion: string | null;
  /** The newest version of its channel, per platform; empty when nothing is published. */
  readonly offered: ReadonlyArray<{ platform: string; version: string }>;
  readonly revoked: boolean;
}): Html {
  const { channel } = input;
  return html`<section data-testid="fleet-channel" data-channel="${channel.channel}">
    <h2>Actualizaciones</h2>
    <dl class="facts">
      <dt>Canal</dt>
      <dd>
        ${channelLabel[channel.channel]}${
          channel.setBy === null ? ' (sin asignar: estable)' : ` — lo asignó ${channel.setBy} el ${when(channel.setAt)}`
        }
      </dd>
      <dt>Versión que reporta</dt>
      <dd data-testid="fleet-reported-version">${input.reportedVersion ?? '—'}</dd>
      <dt>Versión publicada en su canal</dt>
      <dd>
        ${
          input.offered.length === 0
            ? 'Ninguna publicada'
            : input.offered.map((o) => `${o.version} (${o.platform})`).join(', ')
        }
      </dd>
    </dl>
    ${
      input.revoked
        ? ''
        : html`<form method="post" action="${consolePaths.fleet}/${input.deviceId}/canal" class="action">
            <input type="hidden" name="csrf" value="${input.csrf}" />
            <label
              >Canal de actualizaciones
              <select name="${channelFormField}">
                ${releaseChannels.map(
                  (c) =>
                    html`<option value="${c}" ${c === channel.channel ? 'selected' : ''}>${channelLabel[c]}</option>`,
                )}
              </select>
            </label>
            <p class="hint">
              Piloto recibe primero las versiones nuevas (las oficinas de prueba); estable, cuando TI las publica para
              todos. El equipo sigue el canal en su próxima consulta de actualizaciones.
            </p>
            <button type="submit">Cambiar canal</button>
          </form>`
    }
  </section>`;
}

/** The list's channel filter (`?canal=pilot`): '' for all, null for a value that is no channel (refused, 400). */
export function readChannelFilter(query: unknown): ReleaseChannel | '' | null {
  const value = (typeof query === 'object' && query !== null ? (query as Record<string, unknown>) : {}).canal;
  if (value === undefined || value === '') return '';
  return releaseChannels.find((c) => c === value) ?? null;
}

/** Its select, inside «Equipos»' filter form. */
export function channelFilterSelect(selected: ReleaseChannel | ''): Html {
  return html`<label
    >Canal
    <select name="canal">
      <option value="">Todos</option>
      ${releaseChannels.map(
        (c) => html`<option value="${c}" ${c === selected ? html`selected` : ''}>${channelLabel[c]}</option>`,
      )}
    </select>
  </label>`;
}
