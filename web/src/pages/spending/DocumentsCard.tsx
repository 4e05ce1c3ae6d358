// Supporting documents of a request: download links, and an upload button for whoever may read it.
import { useState } from 'react';
import { App, Button, Card, Empty, List, Typography, Upload } from 'antd';
import { FileOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useFormat } from '../../lib/format';
import { useShowError } from '../../lib/use-show-error';
import { ACCEPTED_FILES, attachmentOf, MAX_UPLOAD_BYTES, sizeText } from './files';
import type { SpendingDocument } from './types';

export function DocumentsCard({ requestId, documents, onChanged }: { requestId: string; documents: SpendingDocument[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    if (file.size > MAX_UPLOAD_BYTES) {
      void message.error(t('spending.documents.tooLarge', { name: file.name }));
      return;
    }
    setBusy(true);
    try {
      await unwrap(api.POST('/api/spending-requests/{id}/documents', { params: { path: { id: requestId } }, body: await attachmentOf(file) }));
      void message.success(t('spending.documents.uploaded', { name: file.name }));
      onChanged();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={<h2 className="card-heading">{t('spending.documents.title')}</h2>}
      size="small"
      extra={
        <Upload accept={ACCEPTED_FILES} showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
          <Button size="small" icon={<UploadOutlined aria-hidden />} loading={busy}>
            {t('spending.documents.add')}
          </Button>
        </Upload>
      }
    >
      {documents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('spending.documents.none')} />
      ) : (
        <List
          size="small"
          dataSource={documents}
          renderItem={(doc) => (
            <List.Item>
              <span>
                <FileOutlined aria-hidden />{' '}
                <a href={`/api/spending-documents/${doc.id}`} download={doc.fileName}>
                  <bdi>{doc.fileName}</bdi>
                </a>
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {sizeText(doc.sizeBytes, f.digits)} · {f.date(doc.uploadedAt)}
                {doc.uploadedBy ? ` · ${doc.uploadedBy}` : ''}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
