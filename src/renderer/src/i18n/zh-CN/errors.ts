/**
 * Keyed by error code. Empty in Chinese on purpose: the core's own messages are Chinese and more specific, so the
 * renderer shows them as they are; add a code here only when its Chinese text is better for people than the core's.
 */
export const errorMessages = {
  errors: {} as Record<string, string>,
  errorsDetailed: {} as Record<string, string>,
  errorSupport: { code: '错误代码（供技术支持）：{{code}}' },
};
