import { useCallback } from 'react';
import { useApiClient } from '../api/useApiClient';
import { noAnswers, useBillsStore } from './bills-store';
import { checkCodigoInterno } from './codigo-interno-entry';

export interface ValidationFlow {
  /** "Continuar" on the código interno: checks it, then asks the service for the questions. */
  submitCode(): Promise<void>;
  /** "Verificar respuestas": all three answers go together; the service says only pass or fail. */
  submitAnswers(): Promise<void>;
}

/**
 * The validation steps of the guide (section 4): código interno → questions → access. The
 * service decides everything (which answers are right, attempts, locks); this only moves the
 * screens. Outcomes go through `finishRequest`, which drops any that arrive after the visit ended.
 */
export function useValidationFlow(): ValidationFlow {
  const client = useApiClient();

  const submitCode = useCallback(async () => {
    const { digits, busy, setDigits, beginRequest, finishRequest } = useBillsStore.getState();
    if (busy) return;
    const check = checkCodigoInterno(digits);
    if (!check.ok) {
      useBillsStore.setState({ codeMessage: check.message });
      return;
    }
    setDigits(digits);
    const visit = beginRequest();
    const result = await client.call('bills.startValidation', { codigoInterno: check.value });
    if (result.ok) {
      finishRequest(visit, {
        step: 'questions',
        challenge: result.value,
        answers: noAnswers,
        questionIndex: 0,
        attemptsLeft: null,
      });
      return;
    }
    // Not found, offline, … : the service's Spanish sentence is what the citizen reads.
    if (result.error.code === 'locked') {
      finishRequest(visit, { step: 'locked', lockMessage: result.error.message, lockedUntil: null });
    } else {
      finishRequest(visit, { step: 'code', codeMessage: result.error.message });
    }
  }, [client]);

  const submitAnswers = useCallback(async () => {
    const { challenge, answers, busy, beginRequest, finishRequest } = useBillsStore.getState();
    if (busy || challenge === null) return;
    const chosen = challenge.questions.map((question) => ({
      questionId: question.id,
      optionId: answers[question.id] ?? '',
    }));
    if (chosen.some((answer) => answer.optionId === '')) return;
    const visit = beginRequest();
    const result = await client.call('bills.answerValidation', { challengeId: challenge.challengeId, answers: chosen });
    if (!result.ok) {
      if (result.error.code === 'locked') {
        finishRequest(visit, { step: 'locked', challenge: null, lockMessage: result.error.message, lockedUntil: null });
      } else {
        finishRequest(visit, { step: 'code', challenge: null, codeMessage: result.error.message });
      }
      return;
    }
    const outcome = result.value;
    if (outcome.passed) {
      finishRequest(visit, {
        challenge: null,
        answers: noAnswers,
        access: { accessId: outcome.accessId, subscriber: outcome.subscriber },
      });
      return;
    }
    const locked = outcome.lockedUntil !== null || outcome.attemptsLeft === 0;
    finishRequest(visit, {
      step: locked ? 'locked' : 'rejected',
      challenge: null,
      answers: noAnswers,
      attemptsLeft: outcome.attemptsLeft,
      lockedUntil: outcome.lockedUntil,
      lockMessage: null,
    });
  }, [client]);

  return { submitCode, submitAnswers };
}
