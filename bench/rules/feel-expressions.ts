/** Credit calculations written in FEEL, with the same logic in Zen's expression language. */
export const EXPRESSIONS: { name: string; feel: string; zen: string }[] = [
  { name: 'annual free income', feel: 'income - debt * 12', zen: 'income - debt * 12' },
  { name: 'affordability', feel: '(income / 12) * 0.35 - debt', zen: '(income / 12) * 0.35 - debt' },
  { name: 'dti band', feel: 'if dti > 0.4 then "high" else if dti > 0.3 then "medium" else "low"', zen: 'dti > 0.4 ? "high" : (dti > 0.3 ? "medium" : "low")' },
  { name: 'prime', feel: 'creditScore >= 700 and delinquencies = 0 or income > 100000', zen: '(creditScore >= 700 and delinquencies == 0) or income > 100000' },
  {
    name: 'score points',
    feel: 'min([creditScore / 10, 80]) + (if employment = "employed" then 5 else 0)',
    zen: 'min([creditScore / 10, 80]) + (employment == "employed" ? 5 : 0)',
  },
  { name: 'loan to income', feel: 'amount / (income / 12)', zen: 'amount / (income / 12)' },
  { name: 'stable employment', feel: 'employment in ["employed", "retired"]', zen: 'employment in ["employed", "retired"]' },
  {
    name: 'age band',
    feel: 'if age < 25 then 1 else if age < 40 then 2 else if age < 60 then 3 else 4',
    zen: 'age < 25 ? 1 : (age < 40 ? 2 : (age < 60 ? 3 : 4))',
  },
];
