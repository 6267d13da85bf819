import { notifications } from '@mantine/notifications';
import type { ApiError } from '../../../shared/errors';
import { i18n } from '../i18n';
import { errorText } from './errors';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', title: i18n.t('common.done'), message, autoClose: 4000 });
}

/** Errors stay up longer and end with what to do next (the core's messages already say it; the hint covers transport trouble). */
export function notifyError(error: ApiError, title?: string): void {
  const hint = i18n.t(`errorHints.${error.code}`, { defaultValue: '' });
  notifications.show({
    color: 'red',
    title: title ?? i18n.t('common.failed'),
    message: hint ? `${errorText(error)} ${hint}` : errorText(error),
    autoClose: 10000,
  });
}
