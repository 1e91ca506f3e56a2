import type { ApiError } from '../../src-shared/api/result';
import { ProblemLine } from '../accounts/ProblemLine';
import { TicketsFrame } from './TicketsFrame';

/** While the categories are asked for, or why they could not be (no server, a field laptop). */
export function SetupPending({ title, problem }: { readonly title: string; readonly problem: ApiError | null }) {
  return (
    <TicketsFrame title={title}>
      <div className="bills-card">
        {problem === null ? (
          <p className="bills-muted" role="status">
            Preparando el formulario…
          </p>
        ) : (
          <ProblemLine problem={problem} />
        )}
      </div>
    </TicketsFrame>
  );
}
