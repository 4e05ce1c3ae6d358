import type { ErrorEntries } from '../../lib/error-entry.ts';

export const orgErrors = {
  ORG_UNIT_NOT_FOUND: { status: 404, fa: 'واحد سازمانی یافت نشد.', en: 'Organization unit not found.' },
  ORG_UNIT_RETIRED: { status: 409, fa: 'این واحد بازنشسته شده است و تغییر نمی‌کند.', en: 'This unit is retired and cannot change.' },
  ORG_UNIT_INVALID_PARENT: { status: 422, fa: 'واحد {kind} نمی‌تواند زیرمجموعه این واحد باشد.', en: 'A {kind} unit cannot sit under this parent.' },
  ORG_UNIT_CYCLE: { status: 422, fa: 'یک واحد را نمی‌توان به زیرمجموعه خودش منتقل کرد.', en: 'A unit cannot be moved under its own subtree.' },
  ORG_UNIT_HAS_ACTIVE_CHILDREN: { status: 409, fa: 'این واحد زیرمجموعه فعال دارد؛ ابتدا آن‌ها را منتقل یا بازنشسته کنید.', en: 'This unit has active children; move or retire them first.' },
  ORG_UNIT_CODE_TAKEN: { status: 409, fa: 'کد واحد تکراری است.', en: 'The unit code is already in use.' },
  ORG_UNIT_HQ_FIXED: { status: 422, fa: 'ستاد را نمی‌توان جابه‌جا یا بازنشسته کرد.', en: 'Headquarters cannot be moved or retired.' },
} as const satisfies ErrorEntries;
