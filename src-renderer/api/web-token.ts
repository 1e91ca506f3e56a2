import { LaunchExchangeValue, launchExchangePath, launchFragmentKey } from '../../src-shared/api/web-protocol';
import { parseResultEnvelope } from './result-envelope';

/**
 * The web host opens with `http://127.0.0.1:PORT/#launch=<one-time code>`. The page takes the
 * code from the fragment (and off the visible address, so it is not left on screen or in the
 * history), trades it once for the session token, and keeps the token in sessionStorage only:
 * a reload of the same tab keeps working, closing the tab forgets it, and no address, command
 * line or history entry ever holds it.
 */
const storageKey = 'ventanilla.webToken';

/** The session token for this tab: from a launch code in the address, or the one already held. */
export async function takeWebToken(
  location: Location,
  history: History,
  storage: Storage,
  fetchImpl: typeof fetch,
): Promise<string | null> {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const code = fragment.get(launchFragmentKey)?.trim() ?? null;
  if (code === null) return storage.getItem(storageKey);
  fragment.delete(launchFragmentKey);
  const rest = fragment.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest === '' ? '' : `#${rest}`}`);
  const token = code === '' ? null : await exchange(code, fetchImpl);
  // A spent or unknown code leaves a token this tab already had, if any, to decide.
  if (token === null) return storage.getItem(storageKey);
  storage.setItem(storageKey, token);
  return token;
}

/** A token the host refused is of no further use: the next start prints a new address. */
export function forgetWebToken(storage: Storage): void {
  storage.removeItem(storageKey);
}

async function exchange(code: string, fetchImpl: typeof fetch): Promise<string | null> {
  try {
    const response = await fetchImpl(launchExchangePath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      cache: 'no-store',
      credentials: 'omit',
    });
    const result = parseResultEnvelope(await response.json());
    if (result === null || !result.ok) return null;
    const value = LaunchExchangeValue.safeParse(result.value);
    return value.success ? value.data.token : null;
  } catch {
    return null;
  }
}
