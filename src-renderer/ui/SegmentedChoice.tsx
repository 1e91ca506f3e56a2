import './segmented-choice.css';

interface SegmentedChoiceProps<V extends string> {
  /** What is being chosen, for screen readers. */
  readonly label: string;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly value: V;
  readonly onChange: (value: V) => void;
}

/** A row of large toggle buttons of which exactly one is on (aria-pressed). */
export function SegmentedChoice<V extends string>({ label, options, value, onChange }: SegmentedChoiceProps<V>) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className="segmented__option"
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
