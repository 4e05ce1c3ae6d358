// The frame of every spending and council page: a darker red for danger buttons and texts (antd's
// #ff4d4f is 3.3:1 on white, below the 4.5:1 these pages are held to), darker tertiary text (labels
// of plain Descriptions are #8c8c8c, 3.4:1) and readable empty tables.
import type { ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import './governance.css';

const theme = { token: { colorError: '#c4161c', colorErrorText: '#a8071a', colorTextTertiary: 'rgba(0, 0, 0, 0.62)' } };

export function GovPage({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={theme}>
      <div className="gov-page">{children}</div>
    </ConfigProvider>
  );
}
