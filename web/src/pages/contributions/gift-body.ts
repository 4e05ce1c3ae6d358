// What the record form and a receipt-book stub hold, and the API body made from it. Amounts are typed
// in toman and sent as exact rials (bigint × 10, a decimal string).
import { toLatinDigits } from '@mosharekat/fa';
import type { BatchStub, Channel, FundKind } from '../../api/types';
import { jalaliDay } from '../../lib/jalali-generate-config';
import { tomanToRials } from '../../lib/toman';

export interface GiftValues {
  unitId?: string;
  amountToman?: string;
  fundKind: FundKind;
  purposeCode?: string;
  targetGroupCode?: string;
  channel: Channel;
  channelRef?: string;
  receivedOn?: Date | null;
  donorId?: string | null;
  notes?: string;
}

/**
 * Channels whose payments carry a reference of their own. The server decides (and says so next to
 * the field); the form only marks the field required for the same channels so people see it early.
 */
export const CHANNELS_NEEDING_REF: readonly Channel[] = ['pos', 'card_to_card', 'bank_transfer', 'cheque', 'gateway', 'ussd', 'payroll'];

/** Form fields named differently from the API's (server field errors are shown on these). */
export const GIFT_FIELD_NAMES: Record<string, string> = { amountRials: 'amountToman' };

const text = (value: string | undefined) => value?.trim() || undefined;

export function giftBody(values: GiftValues): BatchStub {
  const specific = values.fundKind === 'specific';
  // References are compared as typed: Persian digits become Latin so «۱۲۳» and «123» are one payment.
  const channelRef = text(values.channelRef);
  const body: BatchStub = {
    amountRials: tomanToRials(values.amountToman) ?? '',
    fundKind: values.fundKind,
    channel: values.channel,
    receivedOn: values.receivedOn ? jalaliDay(values.receivedOn) : '',
  };
  if (specific && values.purposeCode) body.purposeCode = values.purposeCode;
  if (specific && values.targetGroupCode) body.targetGroupCode = values.targetGroupCode;
  if (channelRef) body.channelRef = toLatinDigits(channelRef);
  if (values.donorId) body.donorId = values.donorId;
  const notes = text(values.notes);
  if (notes) body.notes = notes;
  return body;
}

/** What stays filled after a gift is recorded, so the next one from the same counter is quick. */
export function nextGiftValues(previous: GiftValues): Partial<GiftValues> {
  return { unitId: previous.unitId, channel: previous.channel, receivedOn: previous.receivedOn, fundKind: 'general' };
}
