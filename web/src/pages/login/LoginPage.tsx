// Sign-in. After success the user goes back to where a 401 (or the route guard) took them from.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { safeNext } from '../../app/guards';
import { ApiError } from '../../api/errors';
import { errorText } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { fieldPath } from '../../lib/use-show-error';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { me, signIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next} replace />;

  async function submit(values: Credentials) {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username.trim(), values.password);
      void navigate(next, { replace: true });
    } catch (cause) {
      if (cause instanceof ApiError && cause.fields.length > 0) {
        form.setFields(cause.fields.map((f) => ({ name: fieldPath(f.field) as [keyof Credentials], errors: [f.message] })));
      }
      setError(errorText(cause, t));
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <Card className="login-card" extra={<LanguageSwitch />} title={t('app.title')}>
        <div className="login-brand">
          <img src="/favicon.svg" alt="" />
          <Typography.Title level={1} style={{ fontSize: 24, marginBlock: 8 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.intro')}</Typography.Paragraph>
        </div>
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
        <Form<Credentials> form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} disabled={busy}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus dir="ltr" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" dir="ltr" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
