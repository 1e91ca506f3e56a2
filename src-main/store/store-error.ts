/** A local store that cannot be used as it is. The message is shown to IT staff as it is. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly reason:
      'corrupt' | 'too-new' | 'unreadable' | 'migration-failed' | 'key-missing' | 'key-rejected' | 'encryption-failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
