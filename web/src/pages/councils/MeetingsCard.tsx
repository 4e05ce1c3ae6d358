// The meetings of a council on a Jalali calendar (a list below it for reading and for phones),
// and for councils.manage a button to schedule the next one.
import { useState } from 'react';
import { Button, Card, Grid, List, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import generateCalendar from 'antd/es/calendar/generateCalendar';
import { addMonths, format } from 'date-fns-jalali';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { toPersianDigits } from '@mosharekat/fa';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { JALALI_MONTHS_EN, useFormat } from '../../lib/format';
import { jalaliGenerateConfig } from '../../lib/jalali-generate-config';
import { useAsync } from '../../lib/use-async';
import { dayOf, todayDate } from '../spending/jalali-day';
import { ScheduleMeetingDialog } from './ScheduleMeetingDialog';
import type { MeetingSummary } from './types';

const JalaliCalendar = generateCalendar<Date>(jalaliGenerateConfig);
const JALALI_MONTHS_FA = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];

export function MeetingStatusTag({ meeting }: { meeting: Pick<MeetingSummary, 'status' | 'quorumMet'> }) {
  const { t } = useTranslation();
  const color = meeting.status === 'held' ? (meeting.quorumMet ? '#0a6b4d' : '#874d00') : meeting.status === 'cancelled' ? '#595959' : '#0958d9';
  const text = meeting.status === 'held' && !meeting.quorumMet ? t('meetings.status.heldNoQuorum') : t(`meetings.status.${meeting.status}`);
  return <Tag color={color}>{text}</Tag>;
}

export function MeetingsCard({ councilId, canSchedule }: { councilId: string; canSchedule: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [month, setMonth] = useState<Date>(todayDate);
  const [scheduling, setScheduling] = useState(false);
  const meetings = useAsync((signal) => unwrap(api.GET('/api/councils/{id}/meetings', { params: { path: { id: councilId }, query: { pageSize: 100 } }, signal })), [councilId]);
  const items = meetings.data?.items ?? [];
  const byDay = new Map<string, MeetingSummary[]>();
  for (const m of items) byDay.set(m.scheduledOn, [...(byDay.get(m.scheduledOn) ?? []), m]);
  const monthTitle = () => {
    const index = Number(format(month, 'M')) - 1;
    const year = format(month, 'yyyy');
    return f.lang === 'fa' ? `${JALALI_MONTHS_FA[index]} ${toPersianDigits(year)}` : `${JALALI_MONTHS_EN[index]} ${year}`;
  };

  return (
    <Card
      size="small"
      title={<h2 className="card-heading">{t('meetings.title')}</h2>}
      extra={
        canSchedule ? (
          <Button size="small" type="primary" icon={<CalendarOutlined aria-hidden />} onClick={() => setScheduling(true)} data-testid="meeting-schedule">
            {t('meetings.schedule')}
          </Button>
        ) : null
      }
    >
      <JalaliCalendar
        fullscreen={screens.md === true}
        value={month}
        onPanelChange={(date) => setMonth(date)}
        onSelect={(date, info) => {
          if (info.source !== 'date') return;
          const first = byDay.get(dayOf(date))?.[0];
          if (first) void navigate(`/councils/meetings/${first.id}`);
        }}
        headerRender={() => (
          <Space style={{ marginBottom: 8 }} align="center">
            <Button size="small" icon={f.lang === 'fa' ? <RightOutlined aria-hidden /> : <LeftOutlined aria-hidden />} aria-label={t('meetings.prevMonth')} onClick={() => setMonth((m) => addMonths(m, -1))} />
            <strong aria-live="polite">{monthTitle()}</strong>
            <Button size="small" icon={f.lang === 'fa' ? <LeftOutlined aria-hidden /> : <RightOutlined aria-hidden />} aria-label={t('meetings.nextMonth')} onClick={() => setMonth((m) => addMonths(m, 1))} />
            <Button size="small" onClick={() => setMonth(todayDate())}>
              {t('meetings.thisMonth')}
            </Button>
          </Space>
        )}
        fullCellRender={(date, info) => {
          if (info.type !== 'date') return info.originNode;
          const day = dayOf(date);
          const found = byDay.get(day) ?? [];
          const today = day === dayOf(todayDate());
          // antd writes the day number itself in Latin digits: draw the cell with the user's digits
          if (!screens.md) {
            return (
              <div className={`ant-picker-cell-inner${today ? ' calendar-today' : ''}`}>
                {f.digits(format(date, 'd'))}
                {found.length ? <span className="meeting-dot" role="img" aria-label={t('meetings.hasMeeting')} /> : null}
              </div>
            );
          }
          return (
            <div className={`ant-picker-cell-inner ant-picker-calendar-date${today ? ' ant-picker-calendar-date-today' : ''}`}>
              <div className="ant-picker-calendar-date-value">{f.digits(format(date, 'dd'))}</div>
              <div className="ant-picker-calendar-date-content">
                {found.map((m) => (
                  <span key={m.id} className={`meeting-cell ${m.status}`}>
                    {t(`meetings.status.${m.status}`)}
                  </span>
                ))}
              </div>
            </div>
          );
        }}
      />
      <List
        size="small"
        header={<Typography.Text strong>{t('meetings.list')}</Typography.Text>}
        dataSource={items}
        locale={{ emptyText: t('meetings.none') }}
        loading={meetings.loading}
        renderItem={(m) => (
          <List.Item>
            <Space wrap>
              <Link to={`/councils/meetings/${m.id}`} data-testid="meeting-link">
                {f.digits(m.heldOn ?? m.scheduledOn)}
              </Link>
              <MeetingStatusTag meeting={m} />
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
                {m.agenda}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {canSchedule ? (
        <ScheduleMeetingDialog councilId={councilId} open={scheduling} onClose={() => setScheduling(false)} onDone={(meeting) => void navigate(`/councils/meetings/${meeting.id}`)} />
      ) : null}
    </Card>
  );
}
