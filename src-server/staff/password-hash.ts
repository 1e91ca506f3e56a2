/**
 * The scrypt hash format lives in src-node (both Node sides own it); this path stays for the
 * server's own callers until they import it from there.
 */
export * from '../../src-node/password-hash';
