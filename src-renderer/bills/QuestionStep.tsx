import { useId } from 'react';
import { RepeatButton } from '../accessibility/RepeatButton';
import { questionLines } from '../accessibility/spoken-guidance';
import { useAnnounceOnShow } from '../accessibility/useAnnouncements';
import { Button } from '../ui/Button';
import { AnswerOptions } from './AnswerOptions';
import { BillsFrame } from './BillsFrame';
import { useBillsStore } from './bills-store';
import { taskTitle, type BillsTask } from './bills-tasks';
import { StepBackButton } from './StepBackButton';
import { useValidationFlow } from './useValidationFlow';
import './question-step.css';

/**
 * Step 2 (guide: "dar respuesta a las preguntas realizadas por el sistema"): one question per
 * screen, four big answers. The three go to the service together at the end, so nothing tells
 * the citizen, or someone trying codes, which one was wrong.
 */
export function QuestionStep({ task }: { readonly task: BillsTask }) {
  const challenge = useBillsStore((state) => state.challenge);
  const index = useBillsStore((state) => state.questionIndex);
  const answers = useBillsStore((state) => state.answers);
  const busy = useBillsStore((state) => state.busy);
  const digits = useBillsStore((state) => state.digits);
  const { chooseAnswer, showQuestion, backToCode } = useBillsStore.getState();
  const { submitAnswers } = useValidationFlow();
  const promptId = useId();

  const questions = challenge?.questions ?? [];
  const question = questions[index];
  // Spoken guidance reads the question and its answers after the screen's title.
  const spoken =
    question === undefined
      ? []
      : questionLines(
          question.prompt,
          question.options.map((option) => option.label),
        );
  useAnnounceOnShow(spoken, question?.id ?? '');
  if (question === undefined) return null;
  const count = questions.length;
  const title = `Pregunta ${index + 1} de ${count}`;
  const last = index === count - 1;
  const chosen = answers[question.id];

  const back =
    index === 0 ? (
      <StepBackButton label="Cambiar código" onPress={backToCode} />
    ) : (
      <StepBackButton label="Pregunta anterior" onPress={() => showQuestion(index - 1)} />
    );

  return (
    <BillsFrame key={question.id} eyebrow={`${taskTitle[task]} · Paso 2 de 2`} title={title} back={back}>
      <section className="question bills-card" aria-busy={busy}>
        <p className="bills-muted">
          Código interno <strong>{digits}</strong>. Busque la respuesta en una factura impresa de este código.
        </p>
        <div className="question__ask">
          <h2 id={promptId} className="question__prompt">
            {question.prompt}
          </h2>
          <RepeatButton lines={[title, ...spoken]} />
        </div>
        <AnswerOptions
          question={question}
          labelledBy={promptId}
          chosen={chosen}
          onChoose={(optionId) => chooseAnswer(question.id, optionId)}
        />
        <div className="question__foot">
          <ol className="question__dots" aria-label="Avance de las preguntas">
            {questions.map((item, position) => (
              <li
                key={item.id}
                className={answers[item.id] === undefined ? 'question__dot' : 'question__dot question__dot--answered'}
                aria-current={position === index ? 'step' : undefined}
              >
                <span className="visually-hidden">
                  Pregunta {position + 1}: {answers[item.id] === undefined ? 'sin responder' : 'respondida'}
                </span>
              </li>
            ))}
          </ol>
          <Button
            size="large"
            disabled={chosen === undefined || busy}
            onClick={() => (last ? void submitAnswers() : showQuestion(index + 1))}
          >
            {last ? (busy ? 'Verificando…' : 'Verificar respuestas') : 'Siguiente pregunta'}
          </Button>
        </div>
      </section>
    </BillsFrame>
  );
}
