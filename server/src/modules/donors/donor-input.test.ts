import { describe, expect, it } from 'vitest';
import { jalaliToIsoDate, normalizeDonorFields, parsePhone } from './donor-input.ts';

describe('normalizeDonorFields', () => {
  it('should store identifiers canonically when they come in everyday forms', () => {
    const { values, issues } = normalizeDonorFields('natural', {
      firstName: ' علي ', lastName: 'كاظمي‌نژاد', nationalCode: '۰۰۸۴-۵۷۵۹۴۸', mobiles: ['+98 (912) 123-4567', '00989121234567', '9351112233'],
      sheba: 'ir06 2960 0000 0010 0324 2000 01', address: { postalCode: '۱۸۱۳۶-۱۳۷۱۱' }, birthDate: '1365/4/21', tags: ['الف', ' الف ', 'ب'],
    }, { partial: false, today: '2026-01-01' });
    expect(issues).toEqual([]);
    expect(values).toMatchObject({
      firstName: 'علی', lastName: 'کاظمی‌نژاد', nationalCode: '0084575948', mobiles: ['09121234567', '09351112233'],
      sheba: 'IR062960000000100324200001', postalCode: '1813613711', birthDate: '1986-07-12', tags: ['الف', 'ب'],
    });
  });

  it('should report every invalid field with its code when several are wrong', () => {
    const { issues } = normalizeDonorFields('natural', {
      firstName: '', lastName: 'x', nationalCode: '1111111111', mobiles: ['0212345'], birthDate: '1499/01/01', email: 'no-at',
    }, { partial: false, today: '2026-01-01' });
    expect(issues).toEqual([
      { field: 'firstName', code: 'DONOR_NAME_REQUIRED' },
      { field: 'nationalCode', code: 'DONOR_NATIONAL_CODE_INVALID' },
      { field: 'birthDate', code: 'DONOR_BIRTH_DATE_INVALID' },
      { field: 'mobiles.0', code: 'DONOR_MOBILE_INVALID' },
      { field: 'email', code: 'DONOR_EMAIL_INVALID' },
    ]);
  });

  it('should accept only eleven-digit legal ids and refuse fields of the other type', () => {
    expect(normalizeDonorFields('legal', { legalName: 'شرکت', legalType: 'company', legalId: '668237606460' }, { partial: false }).issues)
      .toEqual([{ field: 'legalId', code: 'DONOR_LEGAL_ID_INVALID' }]);
    expect(normalizeDonorFields('legal', { legalName: 'شرکت', legalType: 'company', firstName: 'علی' }, { partial: false }).issues)
      .toEqual([{ field: 'firstName', code: 'DONOR_FIELD_NOT_FOR_TYPE' }]);
  });

  it('should leave absent fields out and turn null into a clear when the input is a patch', () => {
    expect(normalizeDonorFields('natural', { notes: null, fatherName: 'رضا' }, { partial: true })).toEqual({ values: { notes: null, fatherName: 'رضا' }, issues: [] });
  });
});

describe('phone and dates', () => {
  it.each([['021-5512 3456', '02155123456'], ['+98 21 55123456', '02155123456'], ['55123456', null], ['09121234567', null]])('should read the landline %s as %s', (input, out) => {
    expect(parsePhone(input)).toBe(out);
  });
  it('should turn a Jalali date into its Gregorian day and refuse impossible days', () => {
    expect(jalaliToIsoDate('1403/12/30')).toBe('2025-03-20');
    expect(jalaliToIsoDate('1404/12/30')).toBeNull();
  });
});
