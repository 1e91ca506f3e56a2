/**
 * The pepper of test devices whose replica a fixture fills directly (fillLocalReplica): the
 * cashier harness checks staff credentials with the same one. A real device derives its own
 * from its key storage.
 */
export const testStaffPepper = Buffer.from('a-fixed-pepper-for-test-replicas', 'utf8');
