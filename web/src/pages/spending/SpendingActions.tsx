// The action buttons of a request, straight from the server's answer: the actions it allows now
// are enabled; the others that could apply are shown disabled with the server's reason (tooltip and
// a list below, for touch screens). Actions that do not fit the request's status are left out.
import { useState } from 'react';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormat } from '../../lib/format';
import { ActionDialog, type DialogAction } from './ActionDialog';
import type { SpendingAction, SpendingDetail } from './types';

const PRIMARY: SpendingAction[] = ['submit', 'order', 'approve', 'pay'];

/** "approve" fills the participation slot; once that is filled, what is left is the confirmation. */
export function approveLabelKey(detail: SpendingDetail): string {
  const { requiredApprovals, approvals } = detail.request;
  const open = requiredApprovals.filter((slot) => !approvals.some((a) => a.slot === slot));
  return open.length === 1 && open[0] === 'confirmation' ? 'spending.actions.confirm' : 'spending.actions.approve';
}

export function SpendingActions({ detail, onDone }: { detail: SpendingDetail; onDone: (next: SpendingDetail) => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const f = useFormat();
  const [open, setOpen] = useState<DialogAction | null>(null);
  const shown = detail.actions.filter((a) => a.allowed || a.code !== 'SPENDING_WRONG_STATE');
  const blocked = shown.filter((a) => !a.allowed);
  const label = (action: SpendingAction) => t(action === 'approve' ? approveLabelKey(detail) : `spending.actions.${action}`);
  // the server writes numbers (resolution numbers, counts) in Latin digits inside its Persian reasons
  const reason = (a: (typeof shown)[number]) => (i18n.language === 'en' ? (a.reasonEn ?? '') : f.digits(a.reasonFa ?? ''));

  if (shown.length === 0) return null;
  return (
    <section aria-label={t('spending.actions.title')} data-testid="spending-actions">
      <div className="action-bar">
        {shown.map((a) => {
          const button = (
            <Button
              key={a.action}
              type={a.allowed && PRIMARY.includes(a.action) ? 'primary' : 'default'}
              danger={a.action === 'reject' || a.action === 'cancel'}
              disabled={!a.allowed}
              data-testid={`action-${a.action}`}
              onClick={() => (a.action === 'edit' ? void navigate(`/spending/${detail.request.id}/edit`) : setOpen(a.action as DialogAction))}
            >
              {label(a.action)}
            </Button>
          );
          return a.allowed ? button : <Tooltip key={a.action} title={reason(a)}>{button}</Tooltip>;
        })}
      </div>
      {blocked.length > 0 ? (
        <ul className="action-reasons" data-testid="action-reasons">
          {blocked.map((a) => (
            <li key={a.action}>
              <strong>{label(a.action)}:</strong> {reason(a)}
            </li>
          ))}
        </ul>
      ) : null}
      <ActionDialog action={open} detail={detail} title={open ? label(open) : ''} onClose={() => setOpen(null)} onDone={(next) => (setOpen(null), onDone(next))} />
    </section>
  );
}
