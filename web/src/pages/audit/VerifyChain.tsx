// Runs POST /api/audit/verify (the hash chain over every audit row) and shows what it found.
import { useState } from 'react';
import { Alert, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { AuditVerification } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';

export function VerifyChainButton({ onResult }: { onResult: (result: AuditVerification | Error | unknown) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      onResult(await unwrap(api.POST('/api/audit/verify')));
    } catch (error) {
      onResult(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void run()} data-testid="audit-verify">
      {t('audit.verify')}
    </Button>
  );
}

function isVerification(value: unknown): value is AuditVerification {
  return typeof value === 'object' && value !== null && 'ok' in value && 'checked' in value;
}

export function VerifyResult({ result, onClose }: { result: unknown; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (result === undefined) return null;
  if (!isVerification(result)) return <ErrorAlert error={result} />;
  return (
    <Alert
      data-testid="audit-verify-result"
      role="status"
      showIcon
      closable={{ onClose, 'aria-label': t('common.close') }}
      type={result.ok ? 'success' : 'error'}
      title={result.ok ? t('audit.verifyOkTitle') : t('audit.verifyBadTitle')}
      description={
        result.ok
          ? t('audit.verifyOk', { n: f.count(result.checked) })
          : t('audit.verifyBad', { n: f.count(result.checked), id: result.firstBadId ?? '—', reason: result.reason ?? '—' })
      }
      style={{ marginBottom: 16 }}
    />
  );
}
