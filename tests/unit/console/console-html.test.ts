import { describe, expect, it } from 'vitest';
import { parseMultipart } from '../../../src-server/console/form-bodies';
import { html, trusted } from '../../../src-server/console/html';
import { allowedResolutions } from '../../../src-server/console/resolve-review';

describe('the console’s html tag', () => {
  it('escapes every value, nested lists included, and keeps markup it built itself', () => {
    const name = `<script>alert('x')</script> & "Cía"`;
    const rows = [name, 'B&B'].map((v) => html`<li>${v}</li>`);
    const page = html`<p title="${name}">${name}</p>
      <ul>
        ${rows}
      </ul>
      ${trusted('<hr>')}${null}${false}${0}`;
    // Prettier lays the template out over lines; the markup is compared without that layout.
    expect(page.text.replace(/\s*\n\s*/g, '')).toBe(
      '<p title="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Cía&quot;">' +
        '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Cía&quot;</p>' +
        '<ul><li>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Cía&quot;</li><li>B&amp;B</li></ul><hr>0',
    );
  });
});

describe('the console’s multipart reader', () => {
  const body = (parts: string) => Buffer.from(parts.replaceAll('\n', '\r\n'), 'utf8');

  it('reads a browser’s file form: fields and the file’s bytes as sent', () => {
    const parsed = parseMultipart(
      body(`--XyZ
Content-Disposition: form-data; name="csrf"

tok3n
--XyZ
Content-Disposition: form-data; name="archivo"; filename="recaudo.txt"
Content-Type: text/plain

01linea1
06linea2
--XyZ--
`),
      'XyZ',
    );
    expect(parsed?.fields).toEqual({ csrf: 'tok3n' });
    expect(parsed?.files.archivo?.fileName).toBe('recaudo.txt');
    expect(parsed?.files.archivo?.bytes.toString('utf8')).toBe('01linea1\r\n06linea2');
  });

  it('keeps every file of an input with `multiple`, in order, and the empty part of an input left empty', () => {
    const parsed = parseMultipart(
      body(`--XyZ
Content-Disposition: form-data; name="adjuntos"; filename="a.pdf"
Content-Type: application/pdf

AAA
--XyZ
Content-Disposition: form-data; name="adjuntos"; filename="b.png"
Content-Type: image/png

BB
--XyZ
Content-Disposition: form-data; name="otro"; filename=""
Content-Type: application/octet-stream


--XyZ--
`),
      'XyZ',
    );
    expect(parsed?.files.adjuntos?.fileName).toBe('a.pdf');
    expect(parsed?.fileLists.adjuntos?.map((f) => [f.fileName, f.bytes.toString('utf8')])).toEqual([
      ['a.pdf', 'AAA'],
      ['b.png', 'BB'],
    ]);
    expect(parsed?.fileLists.otro?.map((f) => [f.fileName, f.bytes.length])).toEqual([['', 0]]);
  });

  it('refuses what does not read cleanly instead of guessing', () => {
    expect(parseMultipart(body('garbage'), 'XyZ')).toBeNull();
    expect(parseMultipart(body('--XyZ\nContent-Disposition: form-data; name="a"\n\nno end'), 'XyZ')).toBeNull();
    expect(parseMultipart(body('--XyZ\nX-Other: 1\n\nv\n--XyZ--\n'), 'XyZ')).toBeNull();
    expect(parseMultipart(body('--XyZ--'), '')).toBeNull();
  });
});

describe('the decisions a review admits', () => {
  it('parked money is applied or returned; money already in a wallet is only acknowledged', () => {
    expect(allowedResolutions({ kind: 'unknown-reference', details: {} })).toEqual(['applied', 'returned']);
    expect(allowedResolutions({ kind: 'amount-mismatch', details: { bankCode: '051' } })).toEqual([
      'applied',
      'returned',
    ]);
    // A counter recharge of another amount was credited as received.
    expect(allowedResolutions({ kind: 'amount-mismatch', details: { credited: true } })).toEqual(['acknowledged']);
    expect(allowedResolutions({ kind: 'paid-twice', details: {} })).toEqual(['acknowledged']);
    expect(allowedResolutions({ kind: 'paid-after-expiry', details: {} })).toEqual(['acknowledged']);
    expect(allowedResolutions({ kind: 'gateway-mismatch', details: { reason: 'voided-after-approval' } })).toEqual([
      'acknowledged',
    ]);
    expect(allowedResolutions({ kind: 'gateway-mismatch', details: { currency: 'USD' } })).toEqual([
      'returned',
      'acknowledged',
    ]);
    expect(allowedResolutions({ kind: 'gateway-mismatch', details: { currency: 'COP' } })).toEqual([
      'applied',
      'returned',
      'acknowledged',
    ]);
  });
});
