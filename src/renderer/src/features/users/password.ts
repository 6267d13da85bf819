export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../../shared/account-rules';
