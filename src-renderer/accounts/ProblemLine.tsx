import type { ApiError } from '../../src-shared/api/result';

/** The server's or the device's Spanish sentence about what went wrong, announced to screen readers. */
export function ProblemLine({ problem }: { readonly problem: ApiError | null }) {
  if (problem === null) return null;
  return (
    <p className={problem.code === 'offline' ? 'account-offline' : 'account-problem'} role="alert">
      {problem.message}
    </p>
  );
}
