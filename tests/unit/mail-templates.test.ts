import { describe, expect, it } from 'vitest';
import { demoEntity } from '../../db/seed/entity';
import { renderMail } from '../../src-server/mail/mail-templates';
import { formatNit } from '../../src-shared/domain/nit';

const nit = formatNit(demoEntity.nit);
const to = 'ana.nunez@example.com';

const welcome = {
  kind: 'account-welcome',
  to,
  fullName: 'Ana María Núñez',
  document: 'CC 1.020.304.050',
  password: 'Kq7-Wd4-Mn9',
} as const;
const reset = {
  kind: 'account-reset',
  to,
  fullName: 'Ana María Núñez',
  password: 'Tz3-Pv8-Hc2',
  validMinutes: 15,
} as const;
// 03:05 UTC on 4 March is 22:05 on 3 March in Bogotá (UTC−5).
const changed = {
  kind: 'password-changed',
  to,
  fullName: 'Ana María Núñez',
  at: new Date('2026-03-04T03:05:00Z'),
} as const;
const exists = { kind: 'account-exists', to, fullName: 'Ana María Núñez' } as const;

describe('renderMail', () => {
  it('names each mail in its subject, with the entity', () => {
    expect(renderMail(welcome, demoEntity).subject).toBe(`Sus datos de acceso — ${demoEntity.name}`);
    expect(renderMail(reset, demoEntity).subject).toBe(`Su contraseña temporal — ${demoEntity.name}`);
    expect(renderMail(changed, demoEntity).subject).toBe(`Se cambió la contraseña de su cuenta — ${demoEntity.name}`);
    expect(renderMail(exists, demoEntity).subject).toBe(`Ya tiene una cuenta — ${demoEntity.name}`);
    expect(renderMail(welcome, null).subject).toBe('Sus datos de acceso');
  });

  it('gives the welcome data: the document as user, the initial password and the forced change', () => {
    const { text, html } = renderMail(welcome, demoEntity);
    for (const part of [text, html]) {
      expect(part).toContain('Hola, Ana María Núñez:');
      expect(part).toContain('Usuario (su número de documento)');
      expect(part).toContain('CC 1.020.304.050');
      expect(part).toContain('Contraseña inicial');
      expect(part).toContain('Kq7-Wd4-Mn9');
      expect(part).toContain('La primera vez que ingrese, el sistema le pedirá cambiar esta contraseña');
    }
    expect(text).toContain('    Contraseña inicial: Kq7-Wd4-Mn9');
  });

  it('gives a temporary password with its lifetime, single use and the forced change, never the old one', () => {
    const { text } = renderMail(reset, demoEntity);
    expect(text).toContain('Contraseña temporal: Tz3-Pv8-Hc2');
    expect(text).toContain('Es válida durante 15 minutos y sirve una sola vez.');
    expect(text).toContain('el sistema le pedirá elegir una contraseña nueva');
    expect(text).toContain('nunca enviamos su contraseña anterior');
    expect(renderMail({ ...reset, validMinutes: 1 }, demoEntity).text).toContain('Es válida durante 1 minuto y sirve');
  });

  it('tells when the password changed, in Bogotá time whatever the server zone', () => {
    const { text, html } = renderMail(changed, demoEntity);
    const sentence = 'se cambió el 3 de marzo de 2026 a las 22:05 (hora de Colombia).';
    expect(text).toContain(sentence);
    expect(html).toContain(sentence);
    expect(text).toContain('Si usted no hizo este cambio, comuníquese de inmediato con la entidad');
  });

  it('escapes every value in the HTML: names, documents, passwords and the entity', () => {
    const hostile = '<script>alert("x")</script> & O\'Neil';
    const entity = { ...demoEntity, name: 'Acueducto <b>Total</b>', address: '<img src=x onerror=alert(1)>' };
    const { html, text } = renderMail(
      { ...welcome, fullName: hostile, document: 'CC <1>', password: 'a<b>&"c' },
      entity,
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Total</b>');
    expect(html).not.toContain('<img');
    expect(html).toContain('Hola, &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Neil:');
    expect(html).toContain('Acueducto &lt;b&gt;Total&lt;/b&gt;');
    expect(html).toContain('CC &lt;1&gt;');
    expect(html).toContain('a&lt;b&gt;&amp;&quot;c');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The text part is plain text: the same characters, unescaped.
    expect(text).toContain(`Hola, ${hostile}:`);
    expect(text).toContain('Contraseña inicial: a<b>&"c');
  });

  it('ends every mail, text and HTML, with the entity, its contact lines and the legal footer', () => {
    for (const message of [welcome, reset, changed, exists]) {
      const { text, html } = renderMail(message, demoEntity);
      for (const part of [text, html.replace(/<[^>]+>/g, '')]) {
        expect(part).toContain(`${demoEntity.name} · NIT ${nit}`);
        expect(part).toContain(demoEntity.address);
        expect(part).toContain(demoEntity.phone);
        expect(part).toContain(demoEntity.website);
        expect(part).toContain('Este es un mensaje automático: por favor no lo responda');
        expect(part).toContain(
          `Tratamiento de datos personales (Ley 1581 de 2012): ${demoEntity.name}, NIT ${nit}, es responsable`,
        );
        expect(part).toContain('usted tiene derecho a conocer, actualizar y rectificar sus datos');
        expect(part).toContain('presente su consulta o reclamo por los canales de atención de la entidad:');
        expect(part).toContain('Si usted no solicitó esto, ignore este mensaje y comuníquese con la entidad.');
      }
      expect(html).toContain('<html lang="es-CO">');
      expect(html).toContain('<meta charset="utf-8">');
    }
  });

  it('still says who is responsible and how to ask when the server has no entity configured', () => {
    const { text, html } = renderMail(welcome, null);
    expect(text.startsWith('Ventanilla\n\nSus datos de acceso')).toBe(true);
    expect(text).toContain('Su cuenta de usuario en la entidad quedó creada.');
    expect(text).toContain('La entidad que presta el servicio es responsable del tratamiento');
    expect(text).toContain('presente su consulta o reclamo por los canales de atención de la entidad.');
    expect(html).not.toContain('NIT');
  });
});
