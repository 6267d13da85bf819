export { USERNAME_PATTERN } from '../../../../shared/account-rules';
