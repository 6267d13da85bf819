export { uploadPackage, type UploadPackageOptions, type UploadOutcome } from './upload';
export { probeEndpoint, type EndpointState, INTAKE_SERVICE } from './probe';
export { createMemoryResumeStore, tusUrlStorage, resumeKeyFor, type ResumeStore } from './resume-store';
export { checkReceipt, receiptSchema, signReceipt, RECEIPT_VERSION, type Receipt } from './receipt';
export { loadOrCreateReceiptKey, RECEIPT_PUBLIC_KEY_FILE } from './receipt-key';
export { createIntakeServer, type IntakeServer, type IntakeServerOptions } from './intake-server';
export type { AcceptedPackage, IntakeIndexData } from './intake-index';
export type { FetchLike } from './http-get';
