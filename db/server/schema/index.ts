export * from './accounts';
export * from './bills';
export * from './deployment';
export * from './devices';
export * from './payments';
export * from './staff';
export * from './subscribers';
export * from './sync';
