// The donor portal (/give): a separate entry from the back office, Persian and right to left,
// phones first. Only the shell is in the first download; each page is its own chunk.
import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider } from 'antd';
import faIR from 'antd/es/locale/fa_IR';
import '@fontsource/vazirmatn/400.css';
import '@fontsource/vazirmatn/700.css';
import './portal.css';
import { routeOf, usePath } from './router';
import { PortalShell } from './PortalShell';
import { useMotionTheme } from '../lib/reduced-motion';

const GivePage = lazy(() => import('./pages/GivePage'));
const ThanksPage = lazy(() => import('./pages/ThanksPage'));
const SignInPage = lazy(() => import('./pages/SignInPage'));
const MyGiftsPage = lazy(() => import('./pages/MyGiftsPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

const theme = {
  token: {
    fontFamily: "Vazirmatn, Tahoma, 'Segoe UI', system-ui, sans-serif",
    // the back office's green: 4.5:1 on white for links, buttons and selections
    colorPrimary: '#0a6b4d',
    colorLink: '#0a6b4d',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    borderRadius: 10,
    fontSize: 15,
    controlHeight: 40,
  },
};

function Page() {
  const route = routeOf(usePath());
  switch (route.page) {
    case 'give': return <GivePage />;
    case 'thanks': return <ThanksPage paymentId={route.paymentId} />;
    case 'sign-in': return <SignInPage />;
    case 'my-gifts': return <MyGiftsPage />;
    default: return <NotFoundPage />;
  }
}

function Themed({ children }: { children: ReactNode }) {
  const themed = useMotionTheme(theme);
  return (
    <ConfigProvider direction="rtl" locale={faIR} theme={themed}>
      {children}
    </ConfigProvider>
  );
}

function Loading() {
  return <div className="portal-loading" role="status" aria-live="polite">در حال بارگذاری…</div>;
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from portal.html');

createRoot(root).render(
  <StrictMode>
    <Themed>
      <PortalShell>
        <Suspense fallback={<Loading />}>
          <Page />
        </Suspense>
      </PortalShell>
    </Themed>
  </StrictMode>,
);
