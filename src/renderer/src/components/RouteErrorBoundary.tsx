import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { Component, type ReactNode } from 'react';
import { i18n } from '../i18n';

type State = { error: Error | null };

/**
 * One page's render error stays in that page: the navigation and the other pages keep working, and 重试
 * renders the page again. The shell keys it by route, so going to another page also clears it. (React only
 * offers error boundaries as class components.)
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={18} />}
        title={i18n.t('shell.pageFailedTitle')}
        role="alert"
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{i18n.t('shell.pageFailedText')}</Text>
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconRefresh size={14} />}
            onClick={() => this.setState({ error: null })}
          >
            {i18n.t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
}
