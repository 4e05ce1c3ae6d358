import { Result } from 'antd';
import { PORTAL_BASE } from '../router';
import { LinkButton } from '../LinkButton';

export default function NotFoundPage() {
  return (
    <Result
      status="404"
      title={<h1 className="portal-h1">این صفحه پیدا نشد</h1>}
      extra={<LinkButton to={PORTAL_BASE} type="primary">بازگشت به صفحه کمک</LinkButton>}
    />
  );
}
