/** A supervisor's user and password typed where they approve something (a close, a void, a handover). */
export interface SupervisorCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * The two fields a supervisor fills at someone else's screen: never remembered by the browser
 * (`autocomplete="off"`), the password cleared by the caller after each try.
 */
export function SupervisorFields({
  value,
  onChange,
  autoFocus = false,
}: {
  readonly value: SupervisorCredentials;
  readonly onChange: (value: SupervisorCredentials) => void;
  readonly autoFocus?: boolean;
}) {
  return (
    <>
      <label>
        Usuario del supervisor
        <input
          autoFocus={autoFocus}
          value={value.username}
          onChange={(e) => onChange({ ...value, username: e.target.value })}
          maxLength={64}
          autoComplete="off"
        />
      </label>
      <label>
        Contraseña del supervisor
        <input
          type="password"
          value={value.password}
          onChange={(e) => onChange({ ...value, password: e.target.value })}
          maxLength={256}
          autoComplete="off"
        />
      </label>
    </>
  );
}
