import { AppError } from '../../../shared/errors';

/**
 * Stable codes for every way an age file can be refused. They follow the failure kinds of the age test
 * vectors, so a caller can tell "not for us" from "damaged" from "cut short" without parsing messages.
 */
export const AGE_ERROR = {
  recipientInvalid: 'AGE_RECIPIENT_INVALID',
  identityInvalid: 'AGE_IDENTITY_INVALID',
  /** Not an age v1 header, or a header that breaks the format (the vectors' "header failure"). */
  headerInvalid: 'AGE_HEADER_INVALID',
  /** None of the identities opens any recipient stanza: encrypted to someone else ("no match"). */
  noMatch: 'AGE_NO_MATCH',
  /** The file key was found but the header MAC does not check: the header was altered ("HMAC failure"). */
  headerMacInvalid: 'AGE_HEADER_MAC_INVALID',
  /** The payload ends before its final chunk ("payload failure"). */
  payloadTruncated: 'AGE_PAYLOAD_TRUNCATED',
  /** A payload chunk fails authentication, or bytes follow the final chunk ("payload failure"). */
  payloadCorrupt: 'AGE_PAYLOAD_CORRUPT',
} as const;

export type AgeErrorCode = (typeof AGE_ERROR)[keyof typeof AGE_ERROR];

export function ageError(code: AgeErrorCode, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(code, message, details);
}

export function headerInvalid(why: string): AppError {
  return ageError(AGE_ERROR.headerInvalid, `age 文件头格式不正确：${why}。文件可能已损坏，或不是 age 加密文件。`);
}
