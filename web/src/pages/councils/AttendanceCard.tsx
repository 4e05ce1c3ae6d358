// Attendance of a meeting: a checklist of the sitting members with a live quorum preview while it
// is being ticked; saving records it (the server answers with the quorum it computes). Once the
// meeting is held the list and the quorum are frozen and only shown.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useFormat } from '../../lib/format';
import { useShowError } from '../../lib/use-show-error';
import { previewQuorum } from './quorum';
import type { Meeting, QuorumRule } from './types';

interface AttendanceCardProps {
  meeting: Meeting;
  rule: QuorumRule | undefined;
  onSaved: (meeting: Meeting) => void;
  /** the ticked members, so closing the meeting can save them first */
  onDraft: (present: Set<string>, dirty: boolean) => void;
}

export function presentSet(meeting: Meeting): Set<string> {
  return new Set(meeting.attendance.filter((a) => a.present).map((a) => a.memberId));
}

export function saveAttendance(meeting: Meeting, present: Set<string>): Promise<Meeting> {
  const entries = meeting.attendance.map((a) => ({ memberId: a.memberId, present: present.has(a.memberId) }));
  return unwrap(api.POST('/api/meetings/{id}/attendance', { params: { path: { id: meeting.id } }, body: { entries } }));
}

export function AttendanceCard({ meeting, rule, onSaved, onDraft }: AttendanceCardProps) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const editable = meeting.nextActions.includes('record_attendance');
  const [present, setPresent] = useState(() => presentSet(meeting));
  const [busy, setBusy] = useState(false);
  const saved = useMemo(() => presentSet(meeting), [meeting]);
  const dirty = present.size !== saved.size || [...present].some((id) => !saved.has(id));

  useEffect(() => {
    setPresent(presentSet(meeting));
  }, [meeting]);
  useEffect(() => {
    onDraft(present, dirty);
  }, [present, dirty, onDraft]);

  const live = rule && editable ? previewQuorum(rule, meeting.attendance, present) : null;
  const recorded = meeting.quorum;

  async function save() {
    setBusy(true);
    try {
      const next = await saveAttendance(meeting, present);
      void message.success(t('meetings.attendance.saved'));
      onSaved(next);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (memberId: string, on: boolean) =>
    setPresent((current) => {
      const next = new Set(current);
      if (on) next.add(memberId);
      else next.delete(memberId);
      return next;
    });

  return (
    <Card
      size="small"
      title={<h2 className="card-heading">{t('meetings.attendance.title')}</h2>}
      extra={
        editable ? (
          <Button size="small" type={dirty ? 'primary' : 'default'} disabled={!dirty} loading={busy} onClick={() => void save()} data-testid="attendance-save">
            {t('meetings.attendance.save')}
          </Button>
        ) : null
      }
    >
      <List
        size="small"
        dataSource={meeting.attendance}
        locale={{ emptyText: t('meetings.attendance.noMembers') }}
        renderItem={(a) => (
          <List.Item>
            {editable ? (
              <Checkbox checked={present.has(a.memberId)} onChange={(e) => toggle(a.memberId, e.target.checked)} data-testid="attendance-check">
                {a.fullName}
              </Checkbox>
            ) : (
              <span>
                {a.present ? '✓' : a.present === false ? '✗' : '·'} {a.fullName}
              </span>
            )}
            {a.role !== 'member' ? <Tag>{t(`councils.roles.${a.role}`)}</Tag> : null}
          </List.Item>
        )}
      />
      <div className="quorum-live" aria-live="polite" data-testid="quorum-status">
        {live ? (
          <Alert
            type={live.met ? 'success' : 'warning'}
            showIcon
            title={live.met ? t('meetings.quorum.liveMet', { present: f.digits(live.presentCount), members: f.digits(live.memberCount) }) : t('meetings.quorum.liveNotMet', { present: f.digits(live.presentCount), members: f.digits(live.memberCount), required: f.digits(live.required) })}
            description={live.chairMissing ? t('meetings.quorum.chairMissing') : dirty ? t('meetings.quorum.unsaved') : undefined}
          />
        ) : (
          <Alert type={recorded.met ? 'success' : 'warning'} showIcon title={i18n.language === 'en' ? recorded.reasonEn : f.digits(recorded.reasonFa)} />
        )}
      </div>
    </Card>
  );
}
