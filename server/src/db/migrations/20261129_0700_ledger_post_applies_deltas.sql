-- ledger_post (0200) and ledger_apply_deltas (0600) carried the same balance loop; ledger_post now
-- calls ledger_apply_deltas, so the one place that orders, creates and updates balance rows is that
-- function.
CREATE OR REPLACE FUNCTION ledger_post(
  p_kind text, p_unit uuid, p_occurred_at timestamptz, p_fiscal_year smallint, p_fiscal_month smallint,
  p_description text, p_document_no text, p_reverses bigint, p_created_by uuid, p_request_id text,
  p_accounts uuid[], p_funds uuid[], p_amounts bigint[]
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_id bigint;
BEGIN
  INSERT INTO journal (kind, unit_id, occurred_at, fiscal_year, fiscal_month, description, document_no, reverses_id, created_by, request_id)
  VALUES (p_kind, p_unit, p_occurred_at, p_fiscal_year, p_fiscal_month, p_description, p_document_no, p_reverses, p_created_by, p_request_id)
  RETURNING id INTO v_id;
  INSERT INTO journal_line (journal_id, line_no, account_id, fund_id, amount, occurred_at)
  SELECT v_id, l.n, l.a, l.f, l.m, p_occurred_at FROM unnest(p_accounts, p_funds, p_amounts) WITH ORDINALITY AS l(a, f, m, n);
  PERFORM ledger_apply_deltas(p_accounts, p_funds, p_amounts);
  RETURN v_id;
END $$;
