// Picks the acting user by searching /api/users (only offered to those who may read users).
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

interface ActorSelectProps {
  id?: string;
  value: string;
  label: string;
  onChange: (id: string, name: string) => void;
  placeholder?: string;
}

export function ActorSelect({ id, value, label, onChange, placeholder }: ActorSelectProps) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      unwrap(api.GET('/api/users', { params: { query: { ...(search.trim() ? { q: search.trim() } : {}), page: 1, pageSize: 20 } }, signal: controller.signal }))
        .then((page) => setOptions(page.items.map((user) => ({ value: user.id, label: `${user.fullName} (${user.username})` }))))
        .catch(() => undefined)
        .finally(() => !controller.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search]);

  const shown = value && !options.some((option) => option.value === value) ? [{ value, label: label || value }, ...options] : options;
  return (
    <Select
      id={id}
      value={value || undefined}
      allowClear
      placeholder={placeholder}
      loading={loading}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={shown}
      onChange={(next?: string, option?: unknown) => onChange(next ?? '', (option as { label?: string } | undefined)?.label ?? '')}
      style={{ width: 240 }}
    />
  );
}
