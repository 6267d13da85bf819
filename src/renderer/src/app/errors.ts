import { detailParams, type ApiError } from '../../../shared/errors';
import { i18n } from '../i18n';

/**
 * The text shown for a coded error. In a language that words the code (English), its text is used: the
 * detailed form when the error's details carry every value it names, otherwise the plain form. Without a
 * translation (Chinese), the core's own message stays: it is already Chinese and more specific.
 */
export function errorText(error: ApiError): string {
  const template = i18n.getResource(i18n.language, 'translation', `errorsDetailed.${error.code}`) as unknown;
  const params = typeof template === 'string' ? detailParams(template, error.details) : null;
  if (params !== null) return i18n.t(`errorsDetailed.${error.code}`, params);
  return i18n.t(`errors.${error.code}`, { defaultValue: error.message });
}

/** The code, for a small "details for support" line; never the message itself. */
export function errorCodeLine(error: ApiError): string {
  return i18n.t('errorSupport.code', { code: error.code });
}
