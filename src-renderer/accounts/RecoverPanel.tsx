import { useState } from 'react';
import type { Result } from '../../src-shared/api/result';
import type { CaptchaValue } from '../../src-shared/server-api/accounts-api';
import { useApiClient } from '../api/useApiClient';
import { BillsFrame } from '../bills/BillsFrame';
import { Button } from '../ui/Button';
import { useAccountStore } from './account-store';
import { KeyboardForm, type FieldSpec } from './KeyboardForm';
import { useAccountCall } from './useAccountCall';
import { useCallOnShow } from './useCallOnShow';

type Field = 'docNumber' | 'captchaText';
const fields: readonly FieldSpec<Field>[] = [
  { name: 'docNumber', label: 'Número de documento', maxLength: 20 },
  {
    name: 'captchaText',
    label: 'Texto de la imagen',
    hint: 'Escriba las letras y números que ve en la imagen.',
    maxLength: 8,
  },
];

/**
 * «Recuperar contraseña» (guide 000 §2): número de documento and the text in the image →
 * «Enviar». The answer is the same whether or not the document has an account; a wrong text
 * brings a new image.
 */
export function RecoverPanel() {
  const [values, setValues] = useState<Record<Field, string>>({ docNumber: '', captchaText: '' });
  const [captcha, setCaptcha] = useState<CaptchaValue | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const { busy, problem, setProblem, run } = useAccountCall();
  const show = useAccountStore((state) => state.show);

  const client = useApiClient();
  const showImage = (result: Result<CaptchaValue>) => {
    setCaptcha(result.ok ? result.value : null);
    if (!result.ok) setProblem(result.error);
  };
  // A new image leaves the message about the last try in place.
  const newImage = async () => {
    const result = await client.call('accounts.captcha', {});
    setValues((current) => ({ ...current, captchaText: '' }));
    showImage(result);
  };
  // The first image comes with the screen.
  useCallOnShow('accounts.captcha', {}, showImage);

  const submit = async () => {
    if (captcha === null) return;
    if (values.docNumber.trim() === '' || values.captchaText.trim() === '') {
      setProblem({
        code: 'validation',
        message: 'Escriba su número de documento y el texto de la imagen.',
        field: values.docNumber.trim() === '' ? 'docNumber' : 'captchaText',
      });
      return;
    }
    const value = await run('accounts.recover', {
      docNumber: values.docNumber,
      captchaId: captcha.captchaId,
      captchaText: values.captchaText,
    });
    if (value !== null) {
      setSent(value.message);
      return;
    }
    // The image is spent by any try: a new one for the next.
    await newImage();
  };

  const back = (
    <Button variant="secondary" onClick={() => show('login')}>
      Volver a Ingresar
    </Button>
  );
  if (sent !== null) {
    return (
      <BillsFrame eyebrow="Trámites en línea" title="Revise su correo" back={back}>
        <div className="bills-card">
          <p className="account-done" role="status">
            {sent}
          </p>
          <Button size="large" onClick={() => show('login')}>
            Ingresar con la contraseña temporal
          </Button>
        </div>
      </BillsFrame>
    );
  }
  return (
    <BillsFrame eyebrow="Trámites en línea" title="Recuperar contraseña" back={back}>
      <div className="bills-card">
        <p className="bills-lead">
          Escriba su número de documento y el texto que ve en la imagen. Le enviaremos una contraseña temporal al correo
          registrado en su cuenta.
        </p>
        <div className="account-captcha">
          {captcha === null ? (
            <span className="bills-muted">Cargando la imagen…</span>
          ) : (
            <img
              className="account-captcha__image"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(captcha.svg)}`}
              alt="Imagen con el texto que debe escribir"
            />
          )}
          <Button variant="secondary" disabled={busy} onClick={() => void newImage()}>
            Otra imagen
          </Button>
        </div>
        <KeyboardForm
          label="Recuperar contraseña"
          fields={fields}
          values={values}
          onChange={(name, value) => setValues({ ...values, [name]: value })}
          onSubmit={() => void submit()}
          problem={problem}
          columns={2}
        >
          <div className="account-actions">
            <Button size="large" disabled={busy || captcha === null} onClick={() => void submit()}>
              {busy ? 'Enviando…' : 'Enviar'}
            </Button>
          </div>
        </KeyboardForm>
      </div>
    </BillsFrame>
  );
}
