// "My gifts" sign-in: mobile → one-time code by SMS → code.
import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { parseMobile } from '@mosharekat/fa';
import { api, setDonorCsrf, unwrap } from '../api/client';
import { fa } from '../format';
import { navigate, PORTAL_BASE } from '../router';

export default function SignInPage() {
  const [mobile, setMobile] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send() {
    const m = parseMobile(mobile);
    if (!m.ok) {
      setError('شماره همراه معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/portal/otp', { body: { mobile: m.value } }));
      setSentTo(m.value);
      setCode('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      const me = await unwrap(api.POST('/api/portal/otp/verify', { body: { mobile: sentTo!, code } }));
      setDonorCsrf(me.csrfToken);
      navigate(`${PORTAL_BASE}/my-gifts`, { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }

  return (
    <section className="portal-section">
      <h1 className="portal-h1">ورود به «کمک‌های من»</h1>
      <p className="portal-lead">با شماره همراهی که هنگام کمک وارد کرده‌اید وارد شوید تا رسیدها و هزینه‌کرد کمک‌هایتان را ببینید.</p>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} data-testid="sign-in-error" /> : null}
      {sentTo === null ? (
        <Form layout="vertical" requiredMark={false} onFinish={() => void send()} disabled={busy}>
          <Form.Item label="شماره همراه" htmlFor="signin-mobile">
            <Input id="signin-mobile" type="tel" inputMode="tel" autoComplete="tel" dir="ltr" placeholder="09xxxxxxxxx" value={mobile} onChange={(e) => setMobile(e.target.value)} data-testid="signin-mobile" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="send-code">دریافت کد ورود</Button>
        </Form>
      ) : (
        <Form layout="vertical" requiredMark={false} onFinish={() => void verify()} disabled={busy}>
          <p>کد ۶ رقمی به شماره <span className="ltr">{fa(sentTo)}</span> پیامک شد؛ تا ۲ دقیقه معتبر است.</p>
          <Form.Item label="کد ورود" htmlFor="signin-code">
            <Input id="signin-code" className="otp-input" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} data-testid="otp-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} disabled={code.trim().length < 6} data-testid="verify-code">ورود</Button>
          <div className="actions">
            <Button type="link" onClick={() => { setSentTo(null); setError(null); }}>تغییر شماره یا ارسال دوباره کد</Button>
          </div>
        </Form>
      )}
    </section>
  );
}
