import { useState, type FormEvent } from 'react';
import { ProblemLine } from '../accounts/ProblemLine';
import { OnScreenKeyboard } from '../touch-input/OnScreenKeyboard';
import { TouchField } from '../touch-input/TouchField';
import { Button } from '../ui/Button';
import { redispenseEntry, redispenseHint, redispenseLead } from './certificate-words';
import { CertificatesFrame } from './CertificatesFrame';
import { useCertificatesCall } from './useCertificatesCall';
import { useCertificatesStore } from './certificates-store';

/** Room for a code typed in groups («NA6V 1suv Zm»); the code itself has 10 characters. */
const codeMaxLength = 20;

/**
 * «Volver a entregar un certificado»: the verification code of a copy the dispenser left
 * unconfirmed, typed on the on-screen keyboard; the kiosk asks the server for it and dispenses
 * it again without a new charge. The server's refusals (another kiosk's code, a copy already
 * delivered or refunded) and the dispenser's show under the field.
 */
export function RedispenseStep() {
  const toStep = useCertificatesStore((state) => state.toStep);
  const redispensed = useCertificatesStore((state) => state.redispensed);
  const [code, setCode] = useState('');
  // As on the search: the keyboard steps aside once asked, so an answer under the field is in
  // sight; touching the field brings it back.
  const [typing, setTyping] = useState(true);
  const { busy, problem, run } = useCertificatesCall();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setTyping(false);
    void run('certificates.redispense', { code }).then((view) => {
      if (view !== null) redispensed(view);
    });
  };

  return (
    <CertificatesFrame title={redispenseEntry} back={{ label: 'Volver', onPress: () => toStep('search') }}>
      <section className="bills-card certificates-search" aria-label="Código de verificación">
        <p className="bills-lead">{redispenseLead}</p>
        <form className="certificates-search__row" aria-label="Volver a entregar" onSubmit={submit}>
          <div className="certificates-search__field">
            <TouchField
              label="Código de verificación"
              hint={redispenseHint}
              value={code}
              onChange={setCode}
              active={typing}
              onActivate={() => setTyping(true)}
              maxLength={codeMaxLength}
            />
          </div>
          <Button size="large" disabled={busy} onClick={() => submit()}>
            {busy ? 'Buscando…' : 'Entregar de nuevo'}
          </Button>
          <button type="submit" hidden />
        </form>
        <ProblemLine problem={problem} />
      </section>
      {typing && (
        <div className="certificates-keyboard">
          <OnScreenKeyboard value={code} onChange={setCode} maxLength={codeMaxLength} label="Teclado del código" />
        </div>
      )}
    </CertificatesFrame>
  );
}
