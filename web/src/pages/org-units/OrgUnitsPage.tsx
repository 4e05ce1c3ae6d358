// Organization units: a tree to browse, a searchable server-paged list, a detail drawer (?unit=)
// and, for org.manage, add/rename/move/retire/split. Every filter lives in the URL.
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { UNIT_KINDS, type OrgUnit, type OrgUnitQuery } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useWorkingUnit } from '../../app/working-unit';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { ServerTable } from '../../components/ServerTable';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { loadUnitDetail } from '../../lib/org-cache';
import { useUrlFilters } from '../../lib/use-url-filters';
import { activeFilters, DEFAULT_PAGE_SIZE } from '../../lib/url-filters';
import { orgColumns, orgExportColumns } from './org-columns';
import { OrgTree } from './OrgTree';
import { OrgUnitDetail } from './OrgUnitDetail';
import { OrgUnitDialog, type OrgAction } from './OrgUnitDialog';

const DEFAULTS = { q: '', kind: '', status: '', parentId: '', page: 1, pageSize: DEFAULT_PAGE_SIZE };

function toQuery(filters: typeof DEFAULTS): OrgUnitQuery {
  const active = activeFilters(filters, DEFAULTS);
  // A search looks through the whole subtree, not only the children of the unit picked in the tree.
  if (active.q) delete active.parentId;
  return active as OrgUnitQuery;
}

export default function OrgUnitsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const { can } = useAuth();
  const { unit: workingUnit } = useWorkingUnit();
  const canManage = can('org.manage');
  const [filters, setFilters] = useUrlFilters(DEFAULTS);
  const [params, setParams] = useSearchParams();
  const openId = params.get('unit');
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<{ action: OrgAction; unit: OrgUnit | null } | null>(null);
  const [parent, setParent] = useState<OrgUnit | null>(null);
  const [draftQ, setDraftQ] = useState(filters.q);

  // After a reload only the id is in the URL: fetch the unit so the heading can name it.
  useEffect(() => {
    if (!filters.parentId || parent?.id === filters.parentId) return;
    let live = true;
    loadUnitDetail(filters.parentId)
      .then((detail) => live && setParent(detail.unit))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [filters.parentId, parent?.id]);

  const query = toQuery(filters);
  const list = useAsync(
    (signal) => unwrap(api.GET('/api/org-units', { params: { query: { ...query, page: filters.page, pageSize: filters.pageSize } }, signal })),
    [JSON.stringify(query), filters.page, filters.pageSize, version],
  );

  const open = (id: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set('unit', id);
      else next.delete('unit');
      return next;
    });

  const hrefOf = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('unit', id);
    return `?${next.toString()}`;
  };
  const columns = useMemo(() => orgColumns(t, f, hrefOf), [t, f, params]);
  const heading = filters.parentId && !filters.q && parent?.id === filters.parentId ? t('org.childrenOf', { name: parent.name }) : t('org.list');

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('org.title')}
      </Typography.Title>
      <FilterBar
        activeCount={Object.keys(query).length}
        onReset={() => {
          setDraftQ('');
          setFilters({ q: '', kind: '', status: '', parentId: '' });
        }}
        onSubmit={() => setFilters({ q: draftQ.trim() })}
        actions={
          <>
            <ExportButton<OrgUnit>
              fileName="org-units"
              sheetName={t('org.title')}
              columns={orgExportColumns(t, f)}
              fetchPage={(page, pageSize) => unwrap(api.GET('/api/org-units', { params: { query: { ...query, page, pageSize } } }))}
            />
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ action: 'add', unit: filters.parentId && parent?.id === filters.parentId ? parent : null })}>
                {t('org.add')}
              </Button>
            ) : null}
          </>
        }
      >
        <Form.Item label={t('org.q')} htmlFor="org-q">
          <Input.Search id="org-q" value={draftQ} onChange={(e) => setDraftQ(e.target.value)} onSearch={(value) => setFilters({ q: value.trim() })} allowClear style={{ width: 260 }} enterButton={t('common.search')} />
        </Form.Item>
        <Form.Item label={t('org.kind')} htmlFor="org-kind">
          <Select id="org-kind" value={filters.kind} onChange={(kind: string) => setFilters({ kind })} style={{ width: 150 }} options={[{ value: '', label: t('common.all') }, ...UNIT_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))]} />
        </Form.Item>
        <Form.Item label={t('org.status')} htmlFor="org-status">
          <Select id="org-status" value={filters.status} onChange={(status: string) => setFilters({ status })} style={{ width: 150 }} options={[{ value: '', label: t('common.all') }, { value: 'active', label: t('status.active') }, { value: 'retired', label: t('status.retired') }]} />
        </Form.Item>
      </FilterBar>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('org.tree')}</h2>} size="small">
            <OrgTree
              label={t('org.tree')}
              version={version}
              selectedId={filters.parentId}
              onSelect={(unit) => {
                setParent(unit);
                setDraftQ('');
                setFilters({ parentId: unit?.id ?? '', q: '' });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{heading}</h2>}
            size="small"
            extra={parent && filters.parentId === parent.id ? <Link to={hrefOf(parent.id)}>{t('common.details')}</Link> : null}
          >
            <ServerTable<OrgUnit>
              rowKey="id"
              columns={columns}
              data={list.data}
              loading={list.loading}
              error={list.error}
              onRetry={list.reload}
              page={filters.page}
              pageSize={filters.pageSize}
              onPageChange={(page, pageSize) => setFilters({ page, pageSize })}
            />
          </Card>
        </Col>
      </Row>
      <OrgUnitDetail id={openId} canManage={canManage} version={version} onClose={() => open(null)} hrefOf={hrefOf} onAction={(action, unit) => setDialog({ action, unit })} />
      {/* Mounted only while open, so it stacks above the detail drawer and starts with a fresh form. */}
      {dialog ? (
      <OrgUnitDialog
        action={dialog.action}
        unit={dialog.unit}
        defaultParentId={filters.parentId || workingUnit.id}
        onClose={() => setDialog(null)}
        onDone={(text, focusId) => {
          void message.success(text);
          setDialog(null);
          setVersion((v) => v + 1);
          if (focusId) open(focusId);
        }}
      />
      ) : null}
    </>
  );
}
