import type { ValidationQuestion } from '../../src-shared/api/ops/bills';
import './answer-options.css';

interface AnswerOptionsProps {
  readonly question: ValidationQuestion;
  /** Id of the element holding the question's text, which names the group. */
  readonly labelledBy: string;
  readonly chosen: string | undefined;
  readonly onChoose: (optionId: string) => void;
}

/** The four answers of one question as big buttons, exactly one chosen (radio semantics). */
export function AnswerOptions({ question, labelledBy, chosen, onChoose }: AnswerOptionsProps) {
  return (
    <div className="answer-options" role="radiogroup" aria-labelledby={labelledBy}>
      {question.options.map((option) => (
        <button
          key={option.id}
          type="button"
          role="radio"
          aria-checked={option.id === chosen}
          className="answer-options__option"
          onClick={() => onChoose(option.id)}
        >
          <span className="answer-options__mark" aria-hidden="true" />
          <span className="answer-options__label">{option.label}</span>
        </button>
      ))}
    </div>
  );
}
