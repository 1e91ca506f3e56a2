import { useState } from 'react';
import type { AccountProfile } from '../../src-shared/accounts/account-fields';
import { BillsFrame } from '../bills/BillsFrame';
import { BillsScreen } from '../bills/BillsScreen';
import { useBillsStore } from '../bills/bills-store';
import { taskPurpose, taskTitle } from '../bills/bills-tasks';
import { BillsTaskNavigation } from '../bills/task-navigation';
import { Button } from '../ui/Button';
import { useAccountStore } from './account-store';
import { ProblemLine } from './ProblemLine';
import { useAccountCall } from './useAccountCall';
import { useCallOnShow } from './useCallOnShow';

/**
 * The bill functions from the account's menu: the citizen's own códigos internos open without
 * the questions (they were answered when the code was linked); another code goes through the
 * questions as at the start screen, and can then be linked to the account.
 */
export function AccountBills() {
  const session = useAccountStore((state) => state.session);
  const task = useAccountStore((state) => state.billsTask);
  const show = useAccountStore((state) => state.show);
  const openBills = useAccountStore((state) => state.openBills);
  const access = useBillsStore((state) => state.access);
  const [profile, setProfile] = useState<AccountProfile | null>(null);
  const [otherCode, setOtherCode] = useState(false);
  const [linked, setLinked] = useState<string | null>(null);
  const { busy, problem, setProblem, run } = useAccountCall();

  useCallOnShow('accounts.profile', session === null ? null : { session }, (result) =>
    result.ok ? setProfile(result.value) : setProblem(result.error),
  );

  const openCode = async (codigoInterno: number) => {
    if (session === null) return;
    const value = await run('accounts.openCode', { session, codigoInterno });
    if (value !== null) useBillsStore.setState({ access: value, step: 'code', digits: String(codigoInterno) });
  };

  const link = async () => {
    if (session === null || access === null) return;
    const value = await run('accounts.linkCode', { session, accessId: access.accessId });
    if (value === null) return;
    setProfile(value);
    setLinked(
      `El código interno ${access.subscriber.codigoInterno} quedó vinculado a su cuenta: la próxima vez lo abre sin preguntas.`,
    );
  };

  const toMenu = () => {
    useBillsStore.getState().startOver();
    show('menu');
  };

  if (access !== null || otherCode) {
    const canLink = access !== null && profile !== null && !profile.codes.includes(access.subscriber.codigoInterno);
    return (
      <div className="account-bills">
        <div className="account-bar" role="region" aria-label="Mi cuenta">
          <span>
            {linked ??
              (canLink
                ? '¿Este código interno es suyo? Vincúlelo a su cuenta para no responder las preguntas la próxima vez.'
                : 'Está en su cuenta de trámites en línea.')}
          </span>
          <ProblemLine problem={problem} />
          {canLink && linked === null && (
            <Button disabled={busy} onClick={() => void link()}>
              Vincular a mi cuenta
            </Button>
          )}
          <Button variant="secondary" onClick={toMenu}>
            Volver al menú
          </Button>
        </div>
        <BillsTaskNavigation.Provider value={openBills}>
          <BillsScreen task={task} />
        </BillsTaskNavigation.Provider>
      </div>
    );
  }

  return (
    <BillsFrame
      eyebrow="Mi cuenta"
      title={taskTitle[task]}
      back={
        <Button variant="secondary" onClick={toMenu}>
          Volver al menú
        </Button>
      }
    >
      <div className="bills-card">
        <p className="bills-lead">{taskPurpose[task]}</p>
        {profile === null && problem === null && <p className="bills-muted">Cargando sus códigos internos…</p>}
        {profile !== null && profile.codes.length === 0 && (
          <p className="bills-muted">
            Todavía no tiene códigos internos vinculados. Consulte uno con «Otro código interno»: después de responder
            sus preguntas podrá vincularlo.
          </p>
        )}
        {profile !== null && profile.codes.length > 0 && (
          <div className="account-codes" role="group" aria-label="Sus códigos internos">
            {profile.codes.map((code) => (
              <button
                key={code}
                type="button"
                className="account-codes__code"
                disabled={busy}
                onClick={() => void openCode(code)}
              >
                <span className="account-codes__label">Código interno</span>
                {code}
              </button>
            ))}
          </div>
        )}
        <ProblemLine problem={problem} />
        <div className="account-actions">
          <Button variant="secondary" size="large" onClick={() => setOtherCode(true)}>
            Otro código interno
          </Button>
        </div>
      </div>
    </BillsFrame>
  );
}
