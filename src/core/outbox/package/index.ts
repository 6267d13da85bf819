export { buildPackage, type BuildPackageInput, type BuiltPackage, type PayloadEntry } from './build';
export {
  verifyPackage,
  type VerifyErrorCode,
  type VerifyError,
  type VerifyOptions,
  type VerifiedPackage,
  type VerifyResult,
} from './verify';
export { canonicalJson, canonicalJsonBytes } from '../../util/canonical-json';
export { attachmentEntry } from './attachments';
export { DEFAULT_VERIFY_LIMITS, type VerifyLimits } from './limits';
export { type PackageMeta, type BagInfo, parseBagInfo } from './bag-info';
export { BAG_FILES, BAGIT_TXT, encodeManifestPath, decodeManifestPath } from './bagit';
