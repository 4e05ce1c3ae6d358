// The filters above a list, with the list's actions (export, add) at the far end. On phones the
// filters fold behind a "filters" button showing how many are active, so the list stays in view.
import { useState, type ReactNode } from 'react';
import { Badge, Button, Form, Grid } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';

interface FilterBarProps {
  children: ReactNode;
  actions?: ReactNode;
  /** How many filters differ from their defaults (shown on the phone toggle). */
  activeCount: number;
  onReset: () => void;
  onSubmit?: () => void;
}

export function FilterBar({ children, actions, activeCount, onReset, onSubmit }: FilterBarProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [open, setOpen] = useState(activeCount > 0);
  const showFilters = !isPhone || open;

  return (
    <div className="filter-bar">
      {isPhone ? (
        <div className="toolbar">
          <Badge count={activeCount > 0 ? f.digits(activeCount) : 0} color="#0a6b4d">
            <Button icon={<FilterOutlined aria-hidden />} aria-expanded={open} aria-controls="list-filters" onClick={() => setOpen((o) => !o)}>
              {t('common.filters')}
            </Button>
          </Badge>
          {actions}
        </div>
      ) : null}
      {showFilters ? (
        <Form layout="vertical" className="toolbar" role="search" id="list-filters" onFinish={onSubmit}>
          {children}
          <Button onClick={onReset}>{t('common.reset')}</Button>
          {isPhone ? null : (
            <>
              <div className="spacer" />
              {actions}
            </>
          )}
        </Form>
      ) : null}
    </div>
  );
}
