// Server errors go next to the field they concern when the form has that field; anything else
// becomes a message. Field paths such as "parts.1.name" or "roles[0].unitId" become antd name paths.
import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { errorText } from '../components/ErrorAlert';

export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function useShowError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    /** `rename` maps an API field to the form field that holds it (e.g. amountRials → amountToman). */
    (error: unknown, form?: FormInstance, rename?: Record<string, string>) => {
      if (error instanceof ApiError && form && error.fields.length > 0) {
        const nameOf = (field: string) => fieldPath(rename?.[field] ?? field);
        const known = error.fields.filter((f) => isRegistered(form, nameOf(f.field)));
        form.setFields(known.map((f) => ({ name: nameOf(f.field), errors: [f.message] })));
        if (known.length === error.fields.length) return;
        const rest = error.fields.filter((f) => !known.includes(f));
        void message.error(rest.map((f) => f.message).join(' — ') || errorText(error, t));
        return;
      }
      void message.error(errorText(error, t));
    },
    [message, t],
  );
}

function isRegistered(form: FormInstance, name: (string | number)[]): boolean {
  try {
    // A mounted Form.Item registers its control's ref under its name path.
    return form.getFieldInstance(name) != null;
  } catch {
    return false;
  }
}
