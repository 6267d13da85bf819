export * from './signing-key';
export * from './minisign';
export * from './key-envelope';
export * from './age';
export * from './hash-file';
