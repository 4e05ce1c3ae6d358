// Balances of the working unit (or a unit drilled into, ?unitId=…), rolled up over its subtree:
// totals general / specific, a row per child unit (click to drill down), the funds (who owns the
// money) and the custody accounts (who holds it), each linking to its statement; optionally as of
// the end of a Jalali day (?asOf=…).
import { useEffect, useRef, useState } from 'react';
import { Button, Card, Checkbox, Col, Form, Row, Space, Statistic, Table, Typography } from 'antd';
import { ArrowRightOutlined, ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useWorkingUnit } from '../../app/working-unit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JalaliDatePicker } from '../../components/JalaliDatePicker';
import { Money } from '../../components/Money';
import { useFormat } from '../../lib/format';
import { apiDay, fromJalaliKey, jalaliKey } from '../../lib/jalali-generate-config';
import { useAsync } from '../../lib/use-async';
import { useUrlFilters } from '../../lib/use-url-filters';
import { custodyColumns, fundColumns, unitColumns, type CustodyRow, type FundRow, type UnitRow } from './balance-columns';

const DEFAULTS = { unitId: '', asOf: '' };

export default function BalancesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [showEmpty, setShowEmpty] = useState(false);
  const { unit: workingUnit } = useWorkingUnit();
  const [filters, setFilters] = useUrlFilters(DEFAULTS);
  const unitId = filters.unitId || workingUnit.id;
  // another working unit picked in the header starts from that unit, not from a unit drilled into before
  const lastWorking = useRef(workingUnit.id);
  useEffect(() => {
    if (lastWorking.current === workingUnit.id) return;
    lastWorking.current = workingUnit.id;
    setFilters({ unitId: '' });
  }, [workingUnit.id, setFilters]);
  const { data, error, loading, reload } = useAsync(
    (signal) => unwrap(api.GET('/api/balances', { params: { query: { unitId, rollup: 'true', ...(filters.asOf ? { asOf: apiDay(filters.asOf) } : {}) } }, signal })),
    [unitId, filters.asOf],
  );
  // accounts of the unit itself always show; those of units below only when they hold something
  const custody = (data?.custody ?? []).filter((row) => showEmpty || row.unitId === data?.unit.id || BigInt(row.balanceRials) !== 0n);
  const BackIcon = f.lang === 'fa' ? ArrowRightOutlined : ArrowLeftOutlined;
  const card = (title: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>;
  const pageOf = (rows: number) => (rows > 20 ? { pageSize: 20, showSizeChanger: false } : false);

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('ledger.balancesTitle', { unit: data?.unit.name ?? workingUnit.name })}
      </Typography.Title>
      <Form layout="vertical" className="toolbar">
        {filters.unitId && filters.unitId !== workingUnit.id ? (
          <Button icon={<BackIcon aria-hidden />} onClick={() => setFilters({ unitId: '' })}>
            {t('ledger.backTo', { unit: workingUnit.name })}
          </Button>
        ) : null}
        <Form.Item label={t('ledger.asOf')} htmlFor="balances-as-of">
          <JalaliDatePicker
            id="balances-as-of"
            value={fromJalaliKey(filters.asOf)}
            onChange={(date) => setFilters({ asOf: date instanceof Date ? jalaliKey(date) : '' })}
            placeholder={t('common.pickDate')}
            disabledDate={(day: Date) => day > new Date()}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} onRetry={reload} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Row gutter={[16, 16]} className="figure-row" data-testid="balance-totals">
          {([
            ['totalGeneral', data?.totals.generalRials],
            ['totalSpecific', data?.totals.specificRials],
            ['totalAll', data?.totals.totalRials],
          ] as const).map(([key, value]) => (
            <Col key={key} xs={24} sm={8}>
              <Card size="small" loading={loading && !data}>
                <Statistic title={<h2 style={{ fontSize: 14, margin: 0, fontWeight: 500 }}>{t(`ledger.${key}`)}</h2>} valueRender={() => (value ? <Money rials={value} /> : '—')} />
              </Card>
            </Col>
          ))}
        </Row>
        <Card title={card(t('ledger.byUnit'))}>
          <Table<UnitRow>
            rowKey="unitId"
            size="small"
            scroll={{ x: 'max-content' }}
            loading={loading}
            dataSource={data?.byUnit ?? []}
            columns={unitColumns(t, data?.unit.id ?? unitId, (row) => setFilters({ unitId: row.unitId }))}
            onRow={(row) => ({ onClick: (event) => row.unitId !== data?.unit.id && !(event.target as HTMLElement).closest('button') && setFilters({ unitId: row.unitId }), className: row.unitId !== data?.unit.id ? 'row-clickable' : undefined })}
            pagination={pageOf(data?.byUnit.length ?? 0)}
            locale={{ emptyText: <span className="table-empty">{t('common.noData')}</span> }}
            data-testid="balance-by-unit"
          />
        </Card>
        <Card title={card(t('ledger.funds'))}>
          <Table<FundRow> rowKey="fundId" size="small" scroll={{ x: 'max-content' }} loading={loading} dataSource={data?.funds ?? []} columns={fundColumns(t)} pagination={pageOf(data?.funds.length ?? 0)} locale={{ emptyText: <span className="table-empty">{t('common.noData')}</span> }} data-testid="balance-funds" />
        </Card>
        <Card
          title={card(t('ledger.custody'))}
          extra={
            <Checkbox checked={showEmpty} onChange={(event) => setShowEmpty(event.target.checked)}>
              {t('ledger.showEmpty')}
            </Checkbox>
          }
        >
          <Table<CustodyRow> rowKey="accountId" size="small" scroll={{ x: 'max-content' }} loading={loading} dataSource={custody} columns={custodyColumns(t, f)} pagination={pageOf(custody.length)} locale={{ emptyText: <span className="table-empty">{t('common.noData')}</span> }} data-testid="balance-custody" />
        </Card>
      </Space>
    </>
  );
}
