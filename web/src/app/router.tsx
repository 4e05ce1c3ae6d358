import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { NAV_PAGES } from './nav';
import { RequireAuth, RequirePermission } from './guards';
import { WorkingUnitProvider } from './working-unit';
import { AppLayout } from './AppLayout';
import { PageSpinner } from '../components/PageSpinner';
import { NotFoundPage, RouteErrorPage } from '../pages/errors/StatusPages';

const LoginPage = lazy(() => import('../pages/login/LoginPage'));

export const router = createBrowserRouter([
  {
    path: '/login',
    errorElement: <RouteErrorPage />,
    element: (
      <Suspense fallback={<PageSpinner />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    errorElement: <RouteErrorPage />,
    element: (
      <RequireAuth>
        <WorkingUnitProvider>
          <AppLayout />
        </WorkingUnitProvider>
      </RequireAuth>
    ),
    children: [
      ...NAV_PAGES.map(({ path, permission, page: Page }) => ({
        path,
        element: (
          <RequirePermission permission={permission} path={path}>
            <Page />
          </RequirePermission>
        ),
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
