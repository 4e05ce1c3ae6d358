// The status history of a request: who did what, when, from which status to which, and their note.
import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { SpendingEvent } from './types';

const EVENT_COLORS: Record<string, string> = { reject: 'red', cancel: 'gray', expire: 'gray', pay: 'green', confirm: 'green', approve: 'green' };

export function EventsTimeline({ events }: { events: SpendingEvent[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card title={<h2 className="card-heading">{t('spending.events.title')}</h2>} size="small">
      <Timeline
        data-testid="spending-events"
        items={events.map((event, index) => ({
          key: `${event.at}-${index}`,
          color: EVENT_COLORS[event.action] ?? 'blue',
          content: (
            <div data-testid="spending-event">
              <div>
                <strong>{t(`spending.events.actions.${event.action}`, { defaultValue: event.action })}</strong>
                {' — '}
                {event.actorName}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.dateTime(event.at)} · {t(`spending.status.${event.toStatus}`, { defaultValue: event.toStatus })}
              </Typography.Text>
              {event.note ? <div className="event-note">«{event.note}»</div> : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
