import { tokenFragmentKey } from '../../src-shared/api/web-protocol';

/**
 * The web host prints `http://127.0.0.1:PORT/#token=…`. The token is taken from the fragment
 * once, kept in sessionStorage (so a reload of the same tab keeps working, and closing the
 * tab forgets it) and removed from the visible address so it is not left on screen or in
 * the history.
 */
const storageKey = 'ventanilla.webToken';

export function takeWebToken(location: Location, history: History, storage: Storage): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromFragment = fragment.get(tokenFragmentKey);
  if (fromFragment !== null) {
    fragment.delete(tokenFragmentKey);
    const rest = fragment.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest === '' ? '' : `#${rest}`}`);
    const token = fromFragment.trim();
    if (token === '') {
      storage.removeItem(storageKey);
      return null;
    }
    storage.setItem(storageKey, token);
    return token;
  }
  return storage.getItem(storageKey);
}

/** A token the host refused is of no further use: the next start prints a new address. */
export function forgetWebToken(storage: Storage): void {
  storage.removeItem(storageKey);
}
