import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';

/** Switches fa ⇄ en at any moment; direction, antd locale and <html dir lang> follow. */
export function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const next = currentLanguage() === 'fa' ? 'en' : 'fa';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined aria-hidden />}
      lang={next}
      aria-label={t('header.switchLanguageLabel')}
      data-testid="language-switch"
      onClick={() => void setLanguage(next)}
    >
      {compact ? null : t('header.switchLanguage')}
    </Button>
  );
}
