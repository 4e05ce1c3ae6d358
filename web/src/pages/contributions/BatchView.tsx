// One receipt book: its cover against the stubs typed so far, quick entry of the next stub (the same
// fields and keys as the record form), removing a stub, and posting the book — all or nothing; the
// server explains a mismatch in its own words.
import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Popconfirm, Result, Skeleton, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { errorText, ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { useCatalogues } from '../../lib/catalogues';
import { ltr, useFormat } from '../../lib/format';
import { submissionKeys } from '../../lib/idempotency';
import { useAsync } from '../../lib/use-async';
import { useEnterNavigation } from '../../lib/use-enter-navigation';
import { useShowError } from '../../lib/use-show-error';
import { TAG_COLORS } from '../../lib/tag-colors';
import { MismatchIndicator, stubColumns, type Stub } from './batch-bits';
import { GIFT_FIELD_NAMES, giftBody, nextGiftValues, type GiftValues } from './gift-body';
import { GiftFields } from './GiftFields';

export function BatchView({ id, onAnother }: { id: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const labels = useCatalogues();
  const [form] = Form.useForm<GiftValues>();
  const [version, setVersion] = useState(0);
  const [adding, setAdding] = useState(false);
  const [posting, setPosting] = useState(false);
  const [postError, setPostError] = useState<string | null>(null);
  const [postedCount, setPostedCount] = useState<number | null>(null);
  const [postKeys] = useState(() => submissionKeys());
  const { data: batch, error, loading, reload } = useAsync((signal) => unwrap(api.GET('/api/contribution-batches/{id}', { params: { path: { id } }, signal })), [id, version]);
  const refresh = () => setVersion((v) => v + 1);

  async function addStub(values: GiftValues) {
    if (adding) return;
    setAdding(true);
    try {
      const next = await unwrap(api.POST('/api/contribution-batches/{id}/items', { params: { path: { id } }, body: giftBody(values) }));
      void message.success(t('batches.stubAdded', { n: f.digits(next.itemCount) }));
      setPostError(null);
      form.resetFields();
      form.setFieldsValue(nextGiftValues(values));
      refresh();
      setTimeout(() => form.getFieldInstance('amountToman')?.focus?.(), 0);
    } catch (cause) {
      showError(cause, form, GIFT_FIELD_NAMES);
    } finally {
      setAdding(false);
    }
  }

  async function removeStub(stub: Stub) {
    try {
      await unwrap(api.DELETE('/api/contribution-batches/{id}/items/{itemId}', { params: { path: { id, itemId: stub.id } } }));
      void message.success(t('batches.stubRemoved'));
      setPostError(null);
      refresh();
    } catch (cause) {
      showError(cause);
    }
  }

  async function post() {
    setPosting(true);
    setPostError(null);
    try {
      const result = await unwrap(api.POST('/api/contribution-batches/{id}/post', { params: { path: { id }, header: { 'idempotency-key': postKeys.keyFor({ id }) } } }));
      postKeys.done();
      setPostedCount(result.contributionIds.length);
      refresh();
    } catch (cause) {
      setPostError(errorText(cause, t));
    } finally {
      setPosting(false);
    }
  }

  const submitStub = useCallback(() => form.submit(), [form]);
  const onKeyDownCapture = useEnterNavigation(submitStub);

  if (error && !batch) return <ErrorAlert error={error} onRetry={reload} />;
  if (!batch) return loading ? <Skeleton active /> : null;
  const open = batch.status === 'open';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('batches.book', { no: ltr(f.digits(batch.bookNo)) })}</h2>}
        extra={<Button onClick={onAnother}>{t('batches.another')}</Button>}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          styles={{ label: { color: 'rgba(0, 0, 0, 0.65)' } }}
          items={[
            { key: 'status', label: t('contributions.status'), children: <Tag color={open ? TAG_COLORS.info : TAG_COLORS.ok}>{t(`batches.status_${batch.status}`)}</Tag> },
            { key: 'count', label: t('batches.count'), children: <span data-testid="batch-count">{t('batches.ofExpected', { actual: f.count(batch.itemCount), expected: f.count(batch.expectedCount) })}</span> },
            { key: 'total', label: t('batches.total'), children: <span data-testid="batch-total"><Money rials={batch.itemTotalRials} /> / <Money rials={batch.expectedTotalRials} /></span> },
          ]}
        />
        {open ? <MismatchIndicator batch={batch} t={t} f={f} /> : null}
        {postError ? <Alert type="error" showIcon role="alert" title={postError} style={{ marginTop: 12 }} data-testid="batch-post-error" /> : null}
        {open ? (
          <div style={{ marginTop: 12 }}>
            <Popconfirm title={t('batches.postConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void post()}>
              <Button type="primary" loading={posting} disabled={batch.itemCount === 0} data-testid="batch-post">
                {t('batches.post')}
              </Button>
            </Popconfirm>
          </div>
        ) : null}
      </Card>
      {batch.status === 'posted' ? (
        <Result
          status="success"
          title={t('batches.postedDone', { n: f.count(postedCount ?? batch.itemCount) })}
          extra={<Link to={`/contributions?unitId=${batch.unitId}`}>{t('batches.seePosted')}</Link>}
        />
      ) : null}
      {open ? (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('batches.addStub')}</h2>}>
          <div onKeyDownCapture={onKeyDownCapture} className="record-form">
            <Form<GiftValues> form={form} name="stub" layout="vertical" initialValues={{ fundKind: 'general', channel: 'counter_cash', receivedOn: new Date() }} onFinish={(values) => void addStub(values)}>
              <div className="form-grid">
                <GiftFields autoFocus />
              </div>
              <Space wrap align="center">
                <Button type="primary" htmlType="submit" loading={adding} data-testid="stub-add">
                  {t('batches.addStub')}
                </Button>
                <span className="keyboard-hint">{t('contributions.keyboardHint')}</span>
              </Space>
            </Form>
          </div>
        </Card>
      ) : null}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('batches.stubs')}</h2>}>
        <Table<Stub>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          pagination={false}
          dataSource={batch.items}
          columns={stubColumns(t, f, labels, open, (stub) => void removeStub(stub))}
          locale={{ emptyText: <span className="table-empty">{t('batches.noStubs')}</span> }}
          data-testid="batch-stubs"
        />
      </Card>
    </Space>
  );
}
