import { Button, type ButtonProps } from 'antd';
import { navigate } from './router';

/** A button that goes to a portal page (a real link underneath, navigated client-side). */
export function LinkButton({ to, ...rest }: Omit<ButtonProps, 'href' | 'onClick'> & { to: string }) {
  return (
    <Button
      {...rest}
      href={to}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
    />
  );
}
