// "Which rule allows or blocks it": each rule the server evaluated, ✓ or ✗, and its reason in the
// user's language. Submission rules must hold to submit; approval rules are settled by the reservation.
import { Card, List, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { Link } from 'react-router';
import type { SpendingRule } from './types';

export function RulesPanel({ rules }: { rules: SpendingRule[] }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const en = i18n.language === 'en';
  return (
    <Card title={<h2 className="card-heading">{t('spending.rules.title')}</h2>} size="small" data-testid="spending-rules">
      <List
        dataSource={rules}
        renderItem={(rule) => (
          <List.Item data-testid={`rule-${rule.rule}`} data-ok={rule.ok}>
            <List.Item.Meta
              avatar={
                rule.ok ? (
                  <CheckCircleFilled style={{ color: '#0a6b4d', fontSize: 20 }} aria-hidden />
                ) : (
                  <CloseCircleFilled style={{ color: '#a8071a', fontSize: 20 }} aria-hidden />
                )
              }
              title={
                <span>
                  <span aria-hidden>{rule.ok ? '✓' : '✗'}</span> {t(`spending.rules.names.${rule.rule}`)}
                  <span className="visually-hidden"> ({rule.ok ? t('spending.rules.ok') : t('spending.rules.blocked')})</span>{' '}
                  <Tag>{t(`spending.rules.stage.${rule.stage}`)}</Tag>
                </span>
              }
              description={
                <>
                  <Typography.Text type={rule.ok ? undefined : 'danger'}>{en ? rule.reasonEn : f.digits(rule.reasonFa)}</Typography.Text>
                  {rule.authority?.kind === 'resolution' ? (
                    <div>
                      <Link to={`/councils/resolutions/${rule.authority.id}`}>{t('spending.rules.openResolution', { number: rule.authority.number })}</Link>
                    </div>
                  ) : null}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
