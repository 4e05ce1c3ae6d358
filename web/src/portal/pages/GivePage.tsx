// Giving: intent → province and county → amount (presets or free, in toman, with words) → optional
// name, mobile and national code, or anonymous → pay at the gateway.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Form, Input, Radio, Select, Switch } from 'antd';
import { parseMobile, parseNationalCode } from '@mosharekat/fa';
import { api, ApiError, unwrap } from '../api/client';
import { rialsFromTomanInput, toman, tomanInputText, words } from '../format';

type Catalogue = Awaited<ReturnType<typeof loadCatalogue>>;
const loadCatalogue = () => unwrap(api.GET('/api/portal/catalogue'));

type Field = 'purposeCode' | 'unitId' | 'amountRials' | 'mobile' | 'nationalCode' | 'donorName';

export default function GivePage() {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [purposeCode, setPurposeCode] = useState<string | null>(null);
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const [counties, setCounties] = useState<{ id: string; name: string }[]>([]);
  const [countyId, setCountyId] = useState<string | null>(null);
  const [amountRials, setAmountRials] = useState<bigint | null>(null);
  const [amountText, setAmountText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [donorName, setDonorName] = useState('');
  const [mobile, setMobile] = useState('');
  const [nationalCode, setNationalCode] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadCatalogue().then(setCatalogue, (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(() => {
    setCountyId(null);
    setCounties([]);
    if (!provinceId) return;
    let live = true;
    unwrap(api.GET('/api/portal/provinces/{id}/counties', { params: { path: { id: provinceId } } }))
      .then((r) => { if (live) setCounties(r.items); }, () => undefined);
    return () => { live = false; };
  }, [provinceId]);

  const minRials = catalogue ? BigInt(catalogue.minRials) : 10_000n;
  const maxRials = catalogue ? BigInt(catalogue.maxRials) : 5_000_000_000n;
  const purposes = useMemo(() => {
    const list = catalogue?.purposes ?? [];
    return [...list.filter((p) => p.code === 'general'), ...list.filter((p) => p.code !== 'general')];
  }, [catalogue]);

  function chooseAmount(rials: bigint | null, text?: string) {
    setAmountRials(rials);
    setAmountText(text ?? tomanInputText(rials));
    setErrors((e) => ({ ...e, amountRials: undefined }));
  }

  function check(): Partial<Record<Field, string>> {
    const e: Partial<Record<Field, string>> = {};
    if (!purposeCode) e.purposeCode = 'نیت کمک را انتخاب کنید.';
    if (!provinceId) e.unitId = 'استان را انتخاب کنید.';
    if (amountRials === null) e.amountRials = 'مبلغ را انتخاب یا وارد کنید.';
    else if (amountRials < minRials) e.amountRials = `کمترین مبلغ ${toman(minRials)} است.`;
    else if (amountRials > maxRials) e.amountRials = `بیشترین مبلغ هر پرداخت ${toman(maxRials)} است.`;
    if (mobile.trim() && !parseMobile(mobile).ok) e.mobile = 'شماره همراه معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.';
    if (!anonymous && nationalCode.trim() && !parseNationalCode(nationalCode).ok) e.nationalCode = 'کد ملی معتبر نیست.';
    return e;
  }

  async function pay() {
    const found = check();
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) {
      document.querySelector<HTMLElement>(`[data-field="${Object.keys(found)[0]}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    setBusy(true);
    try {
      const started = await unwrap(api.POST('/api/portal/payments', {
        body: {
          purposeCode: purposeCode!, unitId: countyId ?? provinceId!, amountRials: amountRials!.toString(), anonymous,
          ...(anonymous ? {} : { donorName: donorName.trim() || undefined, nationalCode: nationalCode.trim() || undefined }),
          mobile: mobile.trim() || undefined,
        },
      }));
      window.location.assign(started.redirectUrl);
    } catch (cause) {
      setBusy(false);
      if (cause instanceof ApiError && cause.fields.length) {
        setErrors(Object.fromEntries(cause.fields.map((f) => [f.field, f.message])));
      }
      setFormError(cause instanceof Error ? cause.message : String(cause));
    }
  }

  if (loadError) return <Alert type="error" showIcon title={loadError} action={<Button onClick={() => window.location.reload()}>تلاش دوباره</Button>} />;

  return (
    <Form layout="vertical" requiredMark={false} onFinish={() => void pay()} disabled={busy}>
      <h1 className="portal-h1">کمک آنلاین به مددجویان بهزیستی</h1>
      <p className="portal-lead">نیت خود را انتخاب کنید؛ کمک شما در همان استان و شهرستان و برای همان نیت هزینه می‌شود و گزارش آن را می‌بینید.</p>

      <section className="portal-section" data-field="purposeCode" aria-labelledby="step-intent">
        <h2 id="step-intent"><span className="portal-step">۱</span>نیت کمک</h2>
        <Radio.Group
          className="intent-grid"
          aria-labelledby="step-intent"
          value={purposeCode}
          onChange={(e) => { setPurposeCode(e.target.value as string); setErrors((x) => ({ ...x, purposeCode: undefined })); }}
        >
          {catalogue === null
            ? <span className="portal-loading">در حال بارگذاری…</span>
            : purposes.map((p) => (
              <Radio key={p.code} value={p.code} className={p.code === 'general' ? 'intent-wide' : undefined} data-testid={`intent-${p.code}`}>
                {p.code === 'general' ? 'هر جا بیشتر نیاز است (عام، به تشخیص شورا)' : p.labelFa}
              </Radio>
            ))}
        </Radio.Group>
        {errors.purposeCode ? <div className="ant-form-item-explain-error" role="alert">{errors.purposeCode}</div> : null}
      </section>

      <section className="portal-section" data-field="unitId" aria-labelledby="step-place">
        <h2 id="step-place"><span className="portal-step">۲</span>استان و شهرستان</h2>
        <Form.Item label="استان" htmlFor="province" validateStatus={errors.unitId ? 'error' : undefined} help={errors.unitId}>
          <Select
            id="province"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="استان را انتخاب کنید"
            value={provinceId}
            onChange={(v: string) => { setProvinceId(v); setErrors((x) => ({ ...x, unitId: undefined })); }}
            options={(catalogue?.provinces ?? []).map((p) => ({ value: p.id, label: p.name }))}
            data-testid="province"
          />
        </Form.Item>
        <Form.Item label="شهرستان (اختیاری)" htmlFor="county" style={{ marginBottom: 0 }} extra="اگر شهرستان را انتخاب نکنید، کمک به اداره کل استان می‌رسد.">
          <Select
            id="county"
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            placeholder={provinceId ? 'همه شهرستان‌های استان' : 'ابتدا استان را انتخاب کنید'}
            disabled={!provinceId || busy}
            value={countyId}
            onChange={(v: string | undefined) => setCountyId(v ?? null)}
            options={counties.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="county"
          />
        </Form.Item>
      </section>

      <section className="portal-section" data-field="amountRials" aria-labelledby="step-amount">
        <h2 id="step-amount"><span className="portal-step">۳</span>مبلغ (تومان)</h2>
        <Radio.Group
          className="amount-presets"
          optionType="button"
          aria-labelledby="step-amount"
          value={catalogue?.presetsRials.find((p) => amountRials !== null && BigInt(p) === amountRials) ?? null}
          onChange={(e) => chooseAmount(BigInt(e.target.value as string))}
          options={(catalogue?.presetsRials ?? []).map((p) => ({ value: p, label: toman(p) }))}
        />
        <Form.Item
          label="مبلغ دلخواه"
          htmlFor="amount"
          style={{ marginTop: 12, marginBottom: 0 }}
          validateStatus={errors.amountRials ? 'error' : undefined}
          help={errors.amountRials}
        >
          <Input
            id="amount"
            className="amount-input"
            inputMode="numeric"
            autoComplete="off"
            placeholder="مثلاً ۲۵۰٬۰۰۰"
            suffix="تومان"
            value={amountText}
            onChange={(e) => {
              const rials = rialsFromTomanInput(e.target.value);
              chooseAmount(rials, rials === null ? e.target.value : tomanInputText(rials));
            }}
            aria-describedby="amount-words"
            data-testid="amount"
          />
        </Form.Item>
        <div id="amount-words" className="amount-words" aria-live="polite" data-testid="amount-words">
          {amountRials !== null && amountRials > 0n ? words(amountRials) : ''}
        </div>
      </section>

      <section className="portal-section" aria-labelledby="step-donor">
        <h2 id="step-donor"><span className="portal-step">۴</span>مشخصات شما (اختیاری)</h2>
        <Form.Item style={{ marginBottom: 12 }}>
          <label className="anonymous-switch" style={{ display: 'flex', gap: 10, alignItems: 'center' }}>
            <Switch checked={anonymous} onChange={setAnonymous} data-testid="anonymous" />
            <span>ناشناس بمانم (نام و کد ملی ثبت نشود)</span>
          </label>
        </Form.Item>
        {anonymous ? null : (
          <>
            <Form.Item label="نام و نام خانوادگی" htmlFor="donorName" validateStatus={errors.donorName ? 'error' : undefined} help={errors.donorName}>
              <Input id="donorName" autoComplete="name" maxLength={100} value={donorName} onChange={(e) => setDonorName(e.target.value)} data-testid="donor-name" />
            </Form.Item>
            <Form.Item label="کد ملی" htmlFor="nationalCode" data-field="nationalCode" validateStatus={errors.nationalCode ? 'error' : undefined} help={errors.nationalCode}>
              <Input id="nationalCode" inputMode="numeric" autoComplete="off" maxLength={14} dir="ltr" value={nationalCode} onChange={(e) => setNationalCode(e.target.value)} />
            </Form.Item>
          </>
        )}
        <Form.Item
          label="شماره همراه"
          htmlFor="mobile"
          data-field="mobile"
          style={{ marginBottom: 0 }}
          validateStatus={errors.mobile ? 'error' : undefined}
          help={errors.mobile}
          extra="برای دریافت رسید با پیامک و دیدن کمک‌هایتان در «کمک‌های من»."
        >
          <Input id="mobile" type="tel" inputMode="tel" autoComplete="tel" maxLength={20} dir="ltr" placeholder="09xxxxxxxxx" value={mobile} onChange={(e) => setMobile(e.target.value)} data-testid="mobile" />
        </Form.Item>
      </section>

      {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 12 }} data-testid="give-error" /> : null}
      <Button type="primary" htmlType="submit" block className="pay-button" loading={busy} data-testid="pay">
        {amountRials !== null && amountRials >= minRials ? `پرداخت ${toman(amountRials)}` : 'پرداخت'}
      </Button>
      <p className="pay-note">پس از پرداخت به همین سامانه بازمی‌گردید و رسید کمک خود را می‌گیرید.</p>
    </Form>
  );
}
