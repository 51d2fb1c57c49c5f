import type { CreditFile } from './credit-file.ts';

export interface ReportMeta {
  reference: string;
  reportId: string;
  queriedAt: string;
}

function summary(f: CreditFile) {
  const open = f.accounts.filter((a) => a.status !== 'closed');
  return {
    accounts: f.accounts.length,
    openAccounts: open.length,
    totalLimit: open.reduce((s, a) => s + a.limit, 0),
    totalBalance: open.reduce((s, a) => s + a.balance, 0),
    delinquentAccounts: f.accounts.filter((a) => a.status === 'delinquent' || a.status === 'written-off').length,
    worstDelinquency: f.accounts.reduce((w, a) => Math.max(w, a.worstDelinquency), 0),
    inquiries12m: f.inquiries.length,
    publicRecords: f.publicRecords.length,
  };
}

/** The JSON bureau: a score with its summary, then the detail. */
export function jsonReport(f: CreditFile, meta: ReportMeta): string {
  return JSON.stringify({
    reportId: meta.reportId,
    reference: meta.reference,
    generatedAt: meta.queriedAt,
    subject: { nationalId: f.nationalId, name: f.name, birthDate: f.birthDate, employment: f.employment },
    score: { value: f.score, model: 'sim-score-3', range: [300, 850] },
    summary: summary(f),
    accounts: f.accounts,
    inquiries: f.inquiries,
    publicRecords: f.publicRecords,
  });
}

const xmlEscape = (s: string | number) => String(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
const el = (name: string, value: string | number) => `<${name}>${xmlEscape(value)}</${name}>`;

const ACCOUNT_TYPE: Record<string, string> = { 'credit-card': 'R1', mortgage: 'D1', 'auto-loan': 'D2', 'personal-loan': 'D3', 'student-loan': 'D4' };
const ACCOUNT_STATUS: Record<string, string> = { current: 'normal', delinquent: 'overdue', closed: 'settled', 'written-off': 'bad-debt' };

/**
 * A report in the manner of a central-bank credit reference centre: header, identity, a
 * summary of credit transactions, each loan and card with its 24-month repayment record,
 * query records and public records.
 */
export function xmlReport(f: CreditFile, meta: ReportMeta): string {
  const s = summary(f);
  const accounts = f.accounts
    .map(
      (a) =>
        `<Account>${el('AccountNo', a.id)}${el('BusinessType', ACCOUNT_TYPE[a.type]!)}${el('Institution', a.institution)}${el('OpenDate', a.openedOn)}${el('CreditLimit', a.limit)}${el('Balance', a.balance)}${el('AccountStatus', ACCOUNT_STATUS[a.status]!)}${el('MaxOverdueMonths', a.worstDelinquency)}<RepaymentRecord months="24">${xmlEscape(a.history)}</RepaymentRecord></Account>`,
    )
    .join('');
  const inquiries = f.inquiries
    .map((q) => `<Inquiry>${el('QueryDate', q.date)}${el('QueryInstitution', q.institution)}${el('QueryReason', q.reason)}</Inquiry>`)
    .join('');
  const records = f.publicRecords.map((r) => `<Record>${el('RecordType', r.type)}${el('RecordDate', r.date)}${el('Amount', r.amount)}</Record>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<CreditReport version="2.0">` +
    `<ReportHeader>${el('ReportNo', meta.reportId)}${el('QueryTime', meta.queriedAt)}${el('QueryReason', 'loan approval')}${el('RequestReference', meta.reference)}</ReportHeader>` +
    `<PersonalInfo>${el('Name', f.name)}${el('IdType', 'national-id')}${el('IdNumber', f.nationalId)}${el('BirthDate', f.birthDate)}${el('Employment', f.employment)}</PersonalInfo>` +
    `<CreditSummary>${el('AccountCount', s.accounts)}${el('OpenAccountCount', s.openAccounts)}${el('TotalCreditLimit', s.totalLimit)}${el('TotalBalance', s.totalBalance)}${el('OverdueAccountCount', s.delinquentAccounts)}${el('MaxOverdueMonths', s.worstDelinquency)}${el('QueryCount12M', s.inquiries12m)}${el('PublicRecordCount', s.publicRecords)}</CreditSummary>` +
    `<CreditAccounts>${accounts}</CreditAccounts>` +
    `<QueryRecords>${inquiries}</QueryRecords>` +
    `<PublicRecords>${records}</PublicRecords>` +
    '</CreditReport>'
  );
}
