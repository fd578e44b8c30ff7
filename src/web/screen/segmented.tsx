import "./segmented.css";

interface Props<T extends string> {
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  label: string;
  size?: "large" | "small";
}

/** A row of toggle buttons, one pressed: the period switch and the map's measure switch. */
export function Segmented<T extends string>({ options, value, onChange, label, size = "large" }: Props<T>) {
  return (
    <fieldset className={`segmented segmented-${size}`} aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}
