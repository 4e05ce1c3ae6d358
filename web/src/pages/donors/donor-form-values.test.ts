import { describe, expect, it } from 'vitest';
import { fromJalaliKey } from '../../lib/jalali-generate-config';
import { createBody, MASKED_FIELDS, patchBody, type DonorFormValues } from './donor-form-values';

const person: DonorFormValues = {
  type: 'natural',
  unitId: 'u1',
  firstName: ' علی ',
  lastName: 'رضایی',
  fatherName: '',
  nationalCode: '۰۰۸۴۵۷۵۹۴۸',
  birthDate: fromJalaliKey('1365-04-21'),
  mobiles: ['09121234567', '', undefined],
  address: { provinceId: 1, countyId: 2, placeId: null, line: ' ', postalCode: '' },
  tags: ['حامی', ' '],
  relations: [{ kind: 'employee_of', donorId: 'd2', role: '' }],
  publicConsent: false,
};

describe('createBody', () => {
  it('should send only what was filled in when registering a natural person', () => {
    expect(createBody(person)).toEqual({
      type: 'natural',
      unitId: 'u1',
      firstName: 'علی',
      lastName: 'رضایی',
      nationalCode: '۰۰۸۴۵۷۵۹۴۸',
      birthDate: '1365/04/21',
      mobiles: ['09121234567'],
      address: { provinceId: 1, countyId: 2 },
      tags: ['حامی'],
      relations: [{ kind: 'employee_of', donorId: 'd2' }],
    });
  });

  it('should leave natural-person fields out when the donor is a legal person', () => {
    const body = createBody({ type: 'legal', legalName: 'شرکت نمونه', legalType: 'company', firstName: 'x', representatives: [{ donorId: 'd1', role: 'مدیرعامل' }] });
    expect(body).toEqual({ type: 'legal', legalName: 'شرکت نمونه', legalType: 'company', representatives: [{ donorId: 'd1', role: 'مدیرعامل' }] });
  });
});

describe('patchBody', () => {
  it('should send nothing when nothing changed', () => {
    expect(patchBody(person, { ...person })).toEqual({});
  });

  it('should send null for a cleared field and the whole list for a changed one', () => {
    const next = { ...person, lastName: '', mobiles: ['09121234567', '09351112233'] };
    expect(patchBody(person, next)).toEqual({ lastName: null, mobiles: ['09121234567', '09351112233'] });
  });

  it('should never send masked identifiers when they were not revealed', () => {
    const masked = { ...person, nationalCode: '******5948', mobiles: ['*******4567'] };
    const next = { ...masked, nationalCode: '0084575948', fatherName: 'حسن' };
    expect(patchBody(masked, next, MASKED_FIELDS)).toEqual({ fatherName: 'حسن' });
  });

  it('should clear the address when every part of it is emptied', () => {
    expect(patchBody(person, { ...person, address: {} })).toEqual({ address: null });
  });
});
