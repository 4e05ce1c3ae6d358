// Back from the gateway: the payment's state (checked again for a little while if still pending),
// and once verified the receipt: number, amount in digits and words, public link and PDF.
import { useEffect, useState } from 'react';
import { Alert, Button, Result, Spin } from 'antd';
import { formatJalaliDate } from '@mosharekat/fa';
import { api, unwrap } from '../api/client';
import { fa, toman, words } from '../format';
import { Link, PORTAL_BASE } from '../router';
import { LinkButton } from '../LinkButton';

type Status = Awaited<ReturnType<typeof load>>;
const load = (paymentId: string) => unwrap(api.GET('/api/portal/payments/{id}', { params: { path: { id: paymentId } } }));

export default function ThanksPage({ paymentId }: { paymentId: string }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [waited, setWaited] = useState(0);

  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    const poll = (round: number) => {
      load(paymentId).then((s) => {
        if (!live) return;
        setStatus(s);
        setWaited(round);
        // the callback has usually settled it already; give the repair job a little time otherwise
        if (s.status === 'pending' && round < 15) timer = window.setTimeout(() => poll(round + 1), 2000);
      }, (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    };
    poll(0);
    return () => { live = false; window.clearTimeout(timer); };
  }, [paymentId]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!status) return <div className="portal-loading" role="status"><Spin /> در حال دریافت وضعیت پرداخت…</div>;

  if (status.status === 'verified' && status.receipt) {
    const r = status.receipt;
    return (
      <section className="portal-section" data-testid="thanks">
        <Result
          status="success"
          title={<h1 className="portal-h1">از کمک شما سپاسگزاریم</h1>}
          subTitle={<>کمک شما با موفقیت ثبت شد و رسید آن صادر شد.</>}
          style={{ padding: '8px 0' }}
        />
        <div style={{ textAlign: 'center' }}>
          <div className="thanks-amount" data-testid="thanks-amount">{toman(status.amountRials)}</div>
          <div className="amount-words">{words(status.amountRials)}</div>
        </div>
        <dl className="facts">
          <dt>نیت</dt><dd>{status.purposeLabel}</dd>
          <dt>دریافت‌کننده</dt><dd>{status.unitName}</dd>
          <dt>شماره رسید</dt><dd data-testid="receipt-no"><span className="ltr">{fa(r.receiptNo)}</span></dd>
          <dt>کد استعلام</dt><dd><span className="ltr" data-testid="receipt-code">{r.code}</span></dd>
          <dt>تاریخ</dt><dd>{formatJalaliDate(new Date(r.receivedAt), { withTime: true, monthName: true })}</dd>
          {status.refId ? <><dt>شماره پیگیری بانک</dt><dd><span className="ltr">{fa(status.refId)}</span></dd></> : null}
        </dl>
        <div className="actions">
          <Button type="primary" href={r.verifyUrl} target="_blank" rel="noopener" data-testid="receipt-link">مشاهده رسید</Button>
          <Button href={r.pdfUrl} target="_blank" rel="noopener" data-testid="receipt-pdf">دریافت PDF رسید</Button>
        </div>
        <p className="pay-note">
          رسید با پیامک هم فرستاده می‌شود. برای دیدن همه کمک‌هایتان و هزینه‌کرد آن‌ها به{' '}
          <Link to={`${PORTAL_BASE}/my-gifts`} data-testid="to-my-gifts">کمک‌های من</Link> بروید.
        </p>
      </section>
    );
  }

  if (status.status === 'pending') {
    return (
      <section className="portal-section" data-testid="thanks-pending">
        <Result
          status="info"
          icon={waited < 15 ? <Spin size="large" /> : undefined}
          title={<h1 className="portal-h1">پرداخت در حال تأیید است</h1>}
          subTitle={`پرداخت ${toman(status.amountRials)} هنوز از سوی بانک تأیید نشده است. اگر مبلغ از حساب شما کسر شده باشد، حداکثر تا نیم ساعت دیگر ثبت و رسید آن پیامک می‌شود.`}
          extra={<Button onClick={() => window.location.reload()}>بررسی دوباره</Button>}
        />
      </section>
    );
  }

  return (
    <section className="portal-section" data-testid="thanks-failed">
      <Result
        status="warning"
        title={<h1 className="portal-h1">پرداخت انجام نشد</h1>}
        subTitle={`پرداخت ${toman(status.amountRials)} ${status.status === 'expired' ? 'در زمان مقرر تکمیل نشد' : 'لغو شد یا ناموفق بود'}. اگر مبلغی از حساب شما کسر شده باشد، بانک آن را حداکثر تا ۷۲ ساعت بازمی‌گرداند.`}
        extra={<LinkButton to={PORTAL_BASE} type="primary">تلاش دوباره</LinkButton>}
      />
    </section>
  );
}
