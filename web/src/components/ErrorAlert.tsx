// Shows an API (or any) error in the user's language: the server's message, plus the error id on 500s.
import { Alert, Button } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';

export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    const id = error.errorId ? ` ${t('errors.errorId', { id: error.errorId })}` : '';
    return `${error.message}${id}`;
  }
  return t('errors.unknown');
}

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
  /** Just the text, for places that already draw their own frame. */
  bare?: boolean;
}

export function ErrorAlert({ error, onRetry, bare }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const text = errorText(error, t);
  if (bare) return <span role="alert">{text}</span>;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={text}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
