// Files of a meeting (minutes scans, invitations, reports): download links and, while allowed, upload.
import { useState } from 'react';
import { App, Button, Card, Empty, List, Typography, Upload } from 'antd';
import { FileOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useFormat } from '../../lib/format';
import { useShowError } from '../../lib/use-show-error';
import { ACCEPTED_FILES, attachmentOf, MAX_UPLOAD_BYTES, sizeText } from '../spending/files';
import type { Meeting } from './types';

export function AttachmentsCard({ meeting, onChanged }: { meeting: Meeting; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const canAttach = meeting.nextActions.includes('attach');

  async function upload(file: File) {
    if (file.size > MAX_UPLOAD_BYTES) {
      void message.error(t('spending.documents.tooLarge', { name: file.name }));
      return;
    }
    setBusy(true);
    try {
      await unwrap(api.POST('/api/meetings/{id}/attachments', { params: { path: { id: meeting.id } }, body: await attachmentOf(file) }));
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
      size="small"
      title={<h2 className="card-heading">{t('meetings.attachments')}</h2>}
      extra={
        canAttach ? (
          <Upload accept={ACCEPTED_FILES} showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
            <Button size="small" icon={<UploadOutlined aria-hidden />} loading={busy}>
              {t('spending.documents.add')}
            </Button>
          </Upload>
        ) : null
      }
    >
      {meeting.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('spending.documents.none')} />
      ) : (
        <List
          size="small"
          dataSource={meeting.attachments}
          renderItem={(a) => (
            <List.Item>
              <span>
                <FileOutlined aria-hidden />{' '}
                <a href={`/api/council-attachments/${a.id}`} download={a.fileName}>
                  <bdi>{a.fileName}</bdi>
                </a>
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {sizeText(a.sizeBytes, f.digits)} · {f.date(a.uploadedAt)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
