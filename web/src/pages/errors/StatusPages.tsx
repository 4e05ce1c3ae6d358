import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} extra={<Link to="/">{t('common.back')}</Link>} />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <Result status="404" title={t('errors.notFoundTitle')} subTitle={t('errors.notFound')} extra={<Link to="/">{t('common.back')}</Link>} />;
}

/** A page chunk failed to load (e.g. a new version was deployed) or a page crashed while rendering. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <main className="startup-error">
      <Result
        status="error"
        title={t('errors.title')}
        subTitle={t('errors.chunk')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('common.retry')}
          </Button>
        }
      />
    </main>
  );
}
