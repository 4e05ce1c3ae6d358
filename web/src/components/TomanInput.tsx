// An amount typed in toman: digits grouped as they are typed (Persian digits in Persian), the caret
// kept after the digit it followed, and optionally the amount in words underneath, live. The value is
// the digits only ("1250000"); turn it into rials with tomanToRials (bigint, never Number).
import { useImperativeHandle, useLayoutEffect, useRef, type CSSProperties, type Ref } from 'react';
import { Input, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { tomanInWords } from '@mosharekat/fa';
import { useFormat } from '../lib/format';
import { caretAfterDigits, digitsBefore, showToman, tomanDigits } from '../lib/toman';

interface TomanInputProps {
  value?: string;
  onChange?: (digits: string) => void;
  /** Show the amount in words under the field. */
  words?: boolean;
  id?: string;
  ref?: Ref<InputRef>;
  placeholder?: string;
  autoFocus?: boolean;
  disabled?: boolean;
  'aria-label'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  style?: CSSProperties;
  className?: string;
  onBlur?: () => void;
  onPressEnter?: () => void;
}

export function TomanInput({ value, onChange, words, id, ref, ...rest }: TomanInputProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const input = useRef<InputRef>(null);
  const caret = useRef<number | null>(null);
  useImperativeHandle(ref, () => input.current as InputRef);
  const digits = tomanDigits(value ?? '');
  const shown = showToman(digits, f.lang === 'fa');

  useLayoutEffect(() => {
    const element = input.current?.input;
    if (caret.current === null || !element || document.activeElement !== element) return;
    const at = caretAfterDigits(shown, caret.current);
    element.setSelectionRange(at, at);
    caret.current = null;
  }, [shown]);

  const wordsId = id ? `${id}-words` : undefined;
  const spoken = words && digits && digits !== '0' ? tomanInWords(BigInt(digits) * 10n) : '';
  return (
    <>
      <Input
        {...rest}
        id={id}
        ref={input}
        inputMode="numeric"
        autoComplete="off"
        value={shown}
        suffix={<span aria-hidden>{t('common.toman')}</span>}
        aria-describedby={words ? wordsId : undefined}
        onChange={(event) => {
          const raw = event.target.value;
          caret.current = digitsBefore(raw, event.target.selectionStart ?? raw.length);
          onChange?.(tomanDigits(raw));
        }}
      />
      {words ? (
        <div id={wordsId} className="amount-words" data-testid={id ? `${id}-words` : undefined}>
          {spoken ? (
            <>
              {t('contributions.amountInWords')} <bdi lang="fa">{spoken}</bdi>
            </>
          ) : (
            '\u00a0'
          )}
        </div>
      ) : null}
    </>
  );
}
