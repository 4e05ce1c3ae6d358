// Header with the portal's name and the donor's way to their gifts; plain markup (no layout library).
import type { ReactNode } from 'react';
import { Link, PORTAL_BASE, usePath } from './router';

export function PortalShell({ children }: { children: ReactNode }) {
  const path = usePath();
  const onGifts = path.startsWith(`${PORTAL_BASE}/my-gifts`) || path.startsWith(`${PORTAL_BASE}/sign-in`);
  return (
    <div className="portal">
      <a className="skip-link" href="#portal-main">پرش به محتوا</a>
      <header className="portal-header">
        <Link to={PORTAL_BASE} className="portal-brand">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>
            <strong>درگاه نیکوکاران</strong>
            <small>مشارکت‌های مردمی بهزیستی</small>
          </span>
        </Link>
        <nav aria-label="پیوندهای اصلی">
          {onGifts
            ? <Link to={PORTAL_BASE} className="portal-nav-link">کمک تازه</Link>
            : <Link to={`${PORTAL_BASE}/my-gifts`} className="portal-nav-link" data-testid="nav-my-gifts">کمک‌های من</Link>}
        </nav>
      </header>
      <main id="portal-main" className="portal-main">{children}</main>
      <footer className="portal-footer">
        <p>پرداخت از راه درگاه بانکی انجام می‌شود و رسید هر کمک با کد آن در همین سامانه قابل استعلام است.</p>
      </footer>
    </div>
  );
}
