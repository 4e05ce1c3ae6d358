// "My gifts": every gift made with this mobile, its receipt, and for specific gifts what it has paid for.
import { useEffect, useState } from 'react';
import { Alert, Button, Empty, Tag } from 'antd';
import { formatJalaliDate } from '@mosharekat/fa';
import { api, ApiError, setDonorCsrf, unwrap } from '../api/client';
import { fa, toman } from '../format';
import { navigate, PORTAL_BASE } from '../router';
import { LinkButton } from '../LinkButton';

type Gifts = Awaited<ReturnType<typeof loadGifts>>;
const loadGifts = () => unwrap(api.GET('/api/portal/me/gifts'));

const channelLabel = { gateway: 'درگاه اینترنتی', ussd: 'کد دستوری' } as const;

export default function MyGiftsPage() {
  const [mobile, setMobile] = useState<string | null>(null);
  const [gifts, setGifts] = useState<Gifts | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const me = await unwrap(api.GET('/api/portal/me'));
        setDonorCsrf(me.csrfToken);
        const g = await loadGifts();
        if (!live) return;
        setMobile(me.mobile);
        setGifts(g);
      } catch (e) {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) navigate(`${PORTAL_BASE}/sign-in`, { replace: true });
        else setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => { live = false; };
  }, []);

  async function signOut() {
    await unwrap(api.POST('/api/portal/me/logout')).catch(() => undefined);
    setDonorCsrf(null);
    navigate(PORTAL_BASE, { replace: true });
  }

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!gifts) return <div className="portal-loading" role="status">در حال بارگذاری…</div>;

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <h1 className="portal-h1">کمک‌های من</h1>
        <Button onClick={() => void signOut()} data-testid="sign-out">خروج</Button>
      </div>
      <p className="portal-lead">شماره همراه: <span className="ltr">{fa(mobile ?? '')}</span></p>
      <div className="total-card">
        جمع کمک‌های شما
        <strong data-testid="gifts-total">{toman(gifts.totalRials)}</strong>
        {fa(gifts.items.length)} کمک
      </div>
      {gifts.items.length === 0 ? (
        <div className="portal-section">
          <Empty description="هنوز کمکی با این شماره ثبت نشده است." image={Empty.PRESENTED_IMAGE_SIMPLE}>
            <LinkButton to={PORTAL_BASE} type="primary">کمک تازه</LinkButton>
          </Empty>
        </div>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="فهرست کمک‌ها">
          {gifts.items.map((g) => (
            <li key={g.contributionId} className="gift-card" data-testid="gift">
              <div className="gift-top">
                <span className="gift-amount">{toman(g.amountRials)}</span>
                <span>
                  <Tag className={g.fundKind === 'specific' ? 'tag-specific' : 'tag-general'}>{g.fundKind === 'specific' ? 'خاص' : 'عام'}</Tag>
                  <Tag>{channelLabel[g.channel]}</Tag>
                  {g.status === 'void' ? <Tag className="tag-void">باطل‌شده</Tag> : null}
                </span>
              </div>
              <p className="gift-meta">
                {g.intent} — {g.unitName}{g.unitName === g.provinceName ? '' : `، ${g.provinceName}`}<br />
                {formatJalaliDate(new Date(g.receivedAt), { withTime: true, monthName: true })} · رسید <span className="ltr">{fa(g.receiptNo)}</span>
              </p>
              {g.spentRials !== null ? (
                <div className="gift-spent">
                  {g.fundedSpending.length === 0
                    ? 'هنوز هزینه‌کردی از این کمک ثبت نشده است؛ پس از هزینه، گزارش آن همین‌جا نمایش داده می‌شود.'
                    : (
                      <>
                        تاکنون {toman(g.spentRials)} از این کمک هزینه شده است:
                        <ul>
                          {g.fundedSpending.map((s, i) => (
                            <li key={i}>{s.title} — {s.unitName}، {toman(s.amountRials)} ({formatJalaliDate(new Date(s.paidAt))})</li>
                          ))}
                        </ul>
                      </>
                    )}
                </div>
              ) : null}
              <div className="gift-links">
                <Button size="small" href={g.verifyUrl} target="_blank" rel="noopener">رسید</Button>
                <Button size="small" href={g.pdfUrl} target="_blank" rel="noopener">PDF</Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
