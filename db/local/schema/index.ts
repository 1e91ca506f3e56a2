export * from './audit';
export * from './bill-access';
export * from './cashier';
export * from './certificates';
export * from './meta';
export * from './outbox';
export * from './printing';
export * from './replica';
