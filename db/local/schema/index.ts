export * from './audit';
export * from './meta';
export * from './outbox';
