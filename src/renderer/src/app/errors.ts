import type { ApiError } from '../../../shared/errors';
import { i18n } from '../i18n';

/**
 * The text shown for a coded error: a translation by code when the current language has one, otherwise the
 * core's own (Chinese, specific) message.
 */
export function errorText(error: ApiError): string {
  return i18n.t(`errors.${error.code}`, { defaultValue: error.message });
}
