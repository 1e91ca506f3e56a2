/**
 * Username and password (or a cashier's PIN) as every staff sign-in asks them — the counter's
 * and the field laptop's: the labels, the browser's autocomplete hints and the length bounds
 * the sign-in operations accept.
 */
export function CredentialFields({
  username,
  password,
  onUsername,
  onPassword,
}: {
  readonly username: string;
  readonly password: string;
  readonly onUsername: (value: string) => void;
  readonly onPassword: (value: string) => void;
}) {
  return (
    <>
      <label>
        Usuario
        <input
          autoFocus
          value={username}
          onChange={(e) => onUsername(e.target.value)}
          autoComplete="username"
          maxLength={64}
        />
      </label>
      <label>
        Contraseña o PIN
        <input
          type="password"
          value={password}
          onChange={(e) => onPassword(e.target.value)}
          autoComplete="current-password"
          maxLength={256}
        />
      </label>
    </>
  );
}
