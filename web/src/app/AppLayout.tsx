// The frame of every signed-in page: a menu of what the user's permissions allow (a Sider on wide
// screens, a Drawer on phones), a header with the working unit, the user's name, role and unit,
// the language switch and sign-out, and the page itself in <main>.
import { Suspense, useState } from 'react';
import { App, Button, Drawer, Grid, Layout, Menu } from 'antd';
import { LogoutOutlined, MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from './auth';
import { allowedPages, pageOf } from './nav';
import { useWorkingUnit } from './working-unit';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageSpinner } from '../components/PageSpinner';
import { UnitPicker } from '../components/UnitPicker';
import { currentLanguage } from '../i18n';

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { pathname } = useLocation();
  const pages = allowedPages(can);
  const selected = pageOf(pages, pathname);
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected.path] : []}
        onClick={onNavigate}
        items={pages.map((page) => ({ key: page.path, icon: page.icon, label: <Link to={page.path}>{t(page.labelKey)}</Link> }))}
      />
    </nav>
  );
}

function Brand() {
  const { t } = useTranslation();
  return (
    <div className="app-brand">
      <img src="/favicon.svg" alt="" />
      <span>{t('app.name')}</span>
    </div>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { unit, setUnit } = useWorkingUnit();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const rtl = currentLanguage() === 'fa';
  const roleNames = [...new Set(me.roles.map((grant) => t(`roles.${grant.role}`)))].join('، ');

  async function handleSignOut() {
    try {
      await signOut();
    } finally {
      void message.success(t('login.signedOut'));
      void navigate('/login', { replace: true });
    }
  }

  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {isPhone ? (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement={rtl ? 'right' : 'left'}
          size={280}
          title={t('app.name')}
          styles={{ body: { padding: 0 } }}
          destroyOnHidden
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider className="app-sider" theme="light" width={232} collapsible collapsed={collapsed} trigger={null} breakpoint="lg" onBreakpoint={setCollapsed}>
          <Brand />
          <NavMenu />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          <div className="header-start">
            {isPhone ? (
              <Button type="text" icon={<MenuOutlined aria-hidden />} aria-label={t('nav.openMenu')} aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} />
            ) : (
              <Button
                type="text"
                icon={collapsed !== rtl ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
                aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
                aria-expanded={!collapsed}
                onClick={() => setCollapsed((c) => !c)}
              />
            )}
            <div className="header-user" data-testid="header-user">
              <span className="name">{me.user.fullName}</span>
              <span className="meta">
                {roleNames} · {me.unit.name}
              </span>
            </div>
          </div>
          <div className="header-unit">
            <label htmlFor="working-unit" className={isPhone ? 'visually-hidden' : undefined}>
              {t('header.workingUnit')}
            </label>
            <UnitPicker id="working-unit" value={unit.id} onChange={(_id, picked) => picked && setUnit(picked)} />
          </div>
          <div className="header-actions">
            <LanguageSwitch compact={isPhone} />
            <Button type="text" icon={<LogoutOutlined aria-hidden />} aria-label={isPhone ? t('header.signOut') : undefined} onClick={() => void handleSignOut()}>
              {isPhone ? null : t('header.signOut')}
            </Button>
          </div>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="app-main">
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
