import { useState, type FormEvent } from 'react';
import type { RegistryMatch } from '../../src-shared/server-api/certificates-api';
import { ProblemLine } from '../accounts/ProblemLine';
import { OnScreenKeyboard } from '../touch-input/OnScreenKeyboard';
import { TouchField } from '../touch-input/TouchField';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { noMatches, redispenseEntry, searchHint, searchLead, tooManyMatches } from './certificate-words';
import { CertificatesFrame } from './CertificatesFrame';
import { useCertificatesCall } from './useCertificatesCall';
import { useCertificatesStore } from './certificates-store';

/**
 * «Certificados», first step: find the business by NIT, matrícula or name, then pick it from the
 * list; or «Volver a entregar un certificado» the dispenser left unconfirmed.
 */
export function SearchStep() {
  const stored = useCertificatesStore((state) => state.query);
  const matches = useCertificatesStore((state) => state.matches);
  const more = useCertificatesStore((state) => state.more);
  const searched = useCertificatesStore((state) => state.searched);
  const pickMatch = useCertificatesStore((state) => state.pickMatch);
  const toStep = useCertificatesStore((state) => state.toStep);
  const [query, setQuery] = useState(stored);
  // The keyboard steps aside once there is a list to choose from; touching the field brings it back.
  const [typing, setTyping] = useState(matches === null);
  const { busy, problem, run } = useCertificatesCall();

  const search = (event?: FormEvent) => {
    event?.preventDefault();
    void run('certificates.search', { query }).then((found) => {
      if (found === null) return;
      searched(query, found.matches, found.more);
      setTyping(found.matches.length === 0);
    });
  };

  return (
    <CertificatesFrame
      title="Buscar la matrícula"
      action={
        <Button variant="secondary" onClick={() => toStep('redispense')}>
          <Icon name="print" className="button__icon" />
          {redispenseEntry}
        </Button>
      }
    >
      <section className="bills-card certificates-search" aria-label="Búsqueda">
        <p className="bills-lead">{searchLead}</p>
        <form className="certificates-search__row" aria-label="Buscar matrícula" onSubmit={search}>
          <div className="certificates-search__field">
            <TouchField
              label="NIT, matrícula o nombre"
              hint={searchHint}
              value={query}
              onChange={setQuery}
              active={typing}
              onActivate={() => setTyping(true)}
              maxLength={120}
            />
          </div>
          <Button size="large" disabled={busy} onClick={() => search()}>
            {busy ? 'Buscando…' : 'Buscar'}
          </Button>
          <button type="submit" hidden />
        </form>
        <ProblemLine problem={problem} />
      </section>
      {matches !== null && (
        <section className="bills-card" aria-labelledby="certificates-matches-title">
          <h2 id="certificates-matches-title" className="wallet-section-title">
            {matches.length === 0 ? 'Sin resultados' : 'Elija la matrícula'}
          </h2>
          {matches.length === 0 && <p className="bills-lead">{noMatches}</p>}
          <ul className="certificates-matches">
            {matches.map((match) => (
              <li key={match.matricula}>
                <MatchButton match={match} onPress={() => pickMatch(match)} />
              </li>
            ))}
          </ul>
          {more && <p className="bills-muted">{tooManyMatches}</p>}
        </section>
      )}
      {typing && (
        <div className="certificates-keyboard">
          <OnScreenKeyboard value={query} onChange={setQuery} maxLength={120} label="Teclado de la búsqueda" />
        </div>
      )}
    </CertificatesFrame>
  );
}

/** One registry entry: its name first (what the citizen looks for), then how it is registered. */
function MatchButton({ match, onPress }: { readonly match: RegistryMatch; readonly onPress: () => void }) {
  return (
    <button type="button" className="certificates-match" onClick={onPress}>
      <span className="certificates-match__name">{match.name}</span>
      <span className="certificates-match__facts">
        {match.nit !== null && <span>NIT {match.nit}</span>}
        <span>Matrícula {match.matricula}</span>
        <span>{match.kindLabel}</span>
        <span>{match.municipality}</span>
        <span className={match.state === 'cancelada' ? 'certificates-tag certificates-tag--warn' : 'certificates-tag'}>
          {match.state === 'cancelada' ? 'Cancelada' : 'Activa'}
        </span>
      </span>
    </button>
  );
}
